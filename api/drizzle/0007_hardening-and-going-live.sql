CREATE TABLE `classes` (
	`code` text PRIMARY KEY NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	`college_code` text NOT NULL,
	FOREIGN KEY (`college_code`) REFERENCES `departments`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `classes_college` ON `classes` (`college_code`);--> statement-breakpoint
CREATE TABLE `org_imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source` text NOT NULL,
	`origin` text NOT NULL,
	`mode` text NOT NULL,
	`dry_run` integer NOT NULL,
	`status` text NOT NULL,
	`actor` text NOT NULL,
	`at` integer NOT NULL,
	`report` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `org_imports_at` ON `org_imports` (`at`);--> statement-breakpoint
CREATE TABLE `saml_used_logout_requests` (
	`request_id` text PRIMARY KEY NOT NULL,
	`used_at` integer NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `saml_used_logout_requests_expires` ON `saml_used_logout_requests` (`expires_at`);--> statement-breakpoint
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
ALTER TABLE `people` ADD `origin` text DEFAULT 'seed' NOT NULL;--> statement-breakpoint
ALTER TABLE `people` ADD `left_at` integer;--> statement-breakpoint
ALTER TABLE `role_grants` ADD `origin` text DEFAULT 'seed' NOT NULL;--> statement-breakpoint
ALTER TABLE `notification_preferences` ADD `language_chosen_at` integer;--> statement-breakpoint
ALTER TABLE `mf_deployments` ADD `activation` integer DEFAULT 0 NOT NULL;