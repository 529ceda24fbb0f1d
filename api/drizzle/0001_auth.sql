CREATE TABLE `saml_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`purpose` text DEFAULT 'login' NOT NULL,
	`return_to` text,
	`binding_hash` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `saml_requests_created` ON `saml_requests` (`created_at`);--> statement-breakpoint
CREATE TABLE `saml_used_assertions` (
	`assertion_id` text PRIMARY KEY NOT NULL,
	`in_response_to` text NOT NULL,
	`card_number` text NOT NULL,
	`used_at` integer NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `saml_used_assertions_expires` ON `saml_used_assertions` (`expires_at`);--> statement-breakpoint
CREATE INDEX `saml_used_assertions_request` ON `saml_used_assertions` (`in_response_to`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id_hash` text PRIMARY KEY NOT NULL,
	`card_number` text NOT NULL,
	`user` text NOT NULL,
	`name_id` text NOT NULL,
	`name_id_format` text,
	`session_index` text,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sessions_card_number` ON `sessions` (`card_number`);--> statement-breakpoint
CREATE INDEX `sessions_name_id` ON `sessions` (`name_id`);