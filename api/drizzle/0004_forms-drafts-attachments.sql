CREATE TABLE `application_attachments` (
	`application_id` integer NOT NULL,
	`attachment_id` text NOT NULL,
	`field_key` text,
	PRIMARY KEY(`application_id`, `attachment_id`),
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`attachment_id`) REFERENCES `attachments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `application_attachments_attachment` ON `application_attachments` (`attachment_id`);--> statement-breakpoint
CREATE TABLE `attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_card_number` text NOT NULL,
	`name` text NOT NULL,
	`size` integer NOT NULL,
	`mime` text NOT NULL,
	`sha256` text NOT NULL,
	`material_kind` text,
	`service_code` text,
	`field_key` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `attachments_owner` ON `attachments` (`owner_card_number`,`material_kind`,`created_at`);--> statement-breakpoint
CREATE INDEX `attachments_sha256` ON `attachments` (`sha256`);--> statement-breakpoint
CREATE TABLE `data_error_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reporter_card_number` text NOT NULL,
	`service_code` text,
	`field_key` text NOT NULL,
	`path` text NOT NULL,
	`reported_value` text,
	`note` text NOT NULL,
	`system_code` text NOT NULL,
	`department_code` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`service_code`) REFERENCES `services`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `data_error_reports_department` ON `data_error_reports` (`department_code`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `data_error_reports_reporter` ON `data_error_reports` (`reporter_card_number`);--> statement-breakpoint
CREATE TABLE `form_drafts` (
	`card_number` text NOT NULL,
	`service_code` text NOT NULL,
	`service_version` integer NOT NULL,
	`values` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`card_number`, `service_code`),
	FOREIGN KEY (`service_code`) REFERENCES `services`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `source_fields` (
	`path` text NOT NULL,
	`kind` text NOT NULL,
	`system_code` text NOT NULL,
	`authoritative` integer DEFAULT true NOT NULL,
	PRIMARY KEY(`path`, `kind`),
	FOREIGN KEY (`system_code`) REFERENCES `source_systems`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `source_systems` (
	`code` text PRIMARY KEY NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	`department_code` text NOT NULL,
	FOREIGN KEY (`department_code`) REFERENCES `departments`(`code`) ON UPDATE no action ON DELETE no action
);
