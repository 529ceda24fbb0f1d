CREATE TABLE `deploy_tokens` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`token_hash` text NOT NULL,
	`prefix` text NOT NULL,
	`parts` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_used_at` integer,
	`revoked_at` integer,
	`revoked_by` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `deploy_tokens_hash` ON `deploy_tokens` (`token_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `deploy_tokens_live_name` ON `deploy_tokens` (`name`) WHERE revoked_at IS NULL;--> statement-breakpoint
ALTER TABLE `notification_preferences` ADD `language_chosen_at` integer;