CREATE TABLE `audit_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`application_id` integer NOT NULL,
	`at` integer NOT NULL,
	`actor` text NOT NULL,
	`on_behalf_of` text,
	`action` text NOT NULL,
	`opinion` text,
	`step_id` text,
	`task_id` text,
	`detail` text,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_events_application` ON `audit_events` (`application_id`,`id`);--> statement-breakpoint
CREATE TABLE `delegations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`card_number` text NOT NULL,
	`delegate` text NOT NULL,
	`from` integer NOT NULL,
	`to` integer NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `delegations_person` ON `delegations` (`card_number`,`from`);--> statement-breakpoint
CREATE INDEX `delegations_delegate` ON `delegations` (`delegate`,`from`);--> statement-breakpoint
CREATE TABLE `document_sequences` (
	`name` text NOT NULL,
	`year` integer NOT NULL,
	`next` integer NOT NULL,
	PRIMARY KEY(`name`, `year`)
);
--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`card_number` text NOT NULL,
	`key` text NOT NULL,
	`request_hash` text NOT NULL,
	`status` integer NOT NULL,
	`response` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`card_number`, `key`)
);
--> statement-breakpoint
CREATE INDEX `idempotency_keys_created` ON `idempotency_keys` (`created_at`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`recipient` text NOT NULL,
	`application_id` integer,
	`task_id` integer,
	`payload` text NOT NULL,
	`created_at` integer NOT NULL,
	`claimed_by` text,
	`claimed_at` integer,
	`delivered_at` integer,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `outbox_pending` ON `outbox` (`delivered_at`,`id`);--> statement-breakpoint
ALTER TABLE `applications` ADD `state` text;--> statement-breakpoint
ALTER TABLE `applications` ADD `current_step_id` text;--> statement-breakpoint
ALTER TABLE `applications` ADD `current_step_name_zh` text;--> statement-breakpoint
ALTER TABLE `applications` ADD `current_step_name_en` text;--> statement-breakpoint
ALTER TABLE `applications` ADD `waiting_since` integer;--> statement-breakpoint
ALTER TABLE `applications` ADD `document_number` text;--> statement-breakpoint
ALTER TABLE `tasks` ADD `engine_task_id` text;--> statement-breakpoint
ALTER TABLE `tasks` ADD `service_code` text;--> statement-breakpoint
ALTER TABLE `tasks` ADD `step_name_zh` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `tasks` ADD `step_name_en` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `tasks` ADD `on_behalf_of` text;--> statement-breakpoint
ALTER TABLE `tasks` ADD `status` text DEFAULT 'open' NOT NULL;--> statement-breakpoint
ALTER TABLE `tasks` ADD `outcome` text;--> statement-breakpoint
ALTER TABLE `tasks` ADD `round` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `tasks` ADD `due_at` integer;--> statement-breakpoint
ALTER TABLE `tasks` ADD `closed_by` text;--> statement-breakpoint
CREATE INDEX `tasks_on_behalf_of` ON `tasks` (`on_behalf_of`,`box`);--> statement-breakpoint
CREATE INDEX `tasks_application` ON `tasks` (`application_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `tasks_engine_task` ON `tasks` (`application_id`,`engine_task_id`);--> statement-breakpoint
CREATE INDEX `tasks_step_history` ON `tasks` (`service_code`,`step_key`,`decided_at`);--> statement-breakpoint
CREATE INDEX `tasks_due` ON `tasks` (`status`,`due_at`);