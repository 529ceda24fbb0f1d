CREATE TABLE `departments` (
	`code` text PRIMARY KEY NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	`kind` text NOT NULL,
	`phone` text NOT NULL,
	`location` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `people` (
	`card_number` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`name_en` text NOT NULL,
	`kind` text NOT NULL,
	`department_code` text NOT NULL,
	`email` text NOT NULL,
	`phone` text NOT NULL,
	`profile` text DEFAULT '{}' NOT NULL,
	FOREIGN KEY (`department_code`) REFERENCES `departments`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `people_department` ON `people` (`department_code`);--> statement-breakpoint
CREATE TABLE `role_grants` (
	`card_number` text NOT NULL,
	`role` text NOT NULL,
	`scope` text NOT NULL,
	PRIMARY KEY(`card_number`, `role`, `scope`),
	FOREIGN KEY (`card_number`) REFERENCES `people`(`card_number`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `role_grants_role` ON `role_grants` (`role`,`scope`);--> statement-breakpoint
CREATE TABLE `categories` (
	`code` text PRIMARY KEY NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	`icon` text NOT NULL,
	`sort_order` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `favorites` (
	`card_number` text NOT NULL,
	`service_code` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`card_number`, `service_code`),
	FOREIGN KEY (`service_code`) REFERENCES `services`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `recent_services` (
	`card_number` text NOT NULL,
	`service_code` text NOT NULL,
	`viewed_at` integer NOT NULL,
	PRIMARY KEY(`card_number`, `service_code`),
	FOREIGN KEY (`service_code`) REFERENCES `services`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `recent_by_user` ON `recent_services` (`card_number`,`viewed_at`);--> statement-breakpoint
CREATE TABLE `service_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`service_code` text NOT NULL,
	`version` integer NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	`summary_zh` text NOT NULL,
	`summary_en` text NOT NULL,
	`keywords_zh` text NOT NULL,
	`keywords_en` text NOT NULL,
	`audience` text NOT NULL,
	`mode` text NOT NULL,
	`time_limit_days` integer NOT NULL,
	`eligibility` text NOT NULL,
	`guide` text NOT NULL,
	`published_at` integer,
	FOREIGN KEY (`service_code`) REFERENCES `services`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `service_versions_code_version` ON `service_versions` (`service_code`,`version`);--> statement-breakpoint
CREATE TABLE `services` (
	`code` text PRIMARY KEY NOT NULL,
	`owner_department_code` text NOT NULL,
	`category_code` text NOT NULL,
	`status` text NOT NULL,
	`current_version` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`owner_department_code`) REFERENCES `departments`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`category_code`) REFERENCES `categories`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `applications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`service_code` text NOT NULL,
	`service_version_id` integer NOT NULL,
	`applicant_card_number` text NOT NULL,
	`status` text NOT NULL,
	`form_data` text DEFAULT '{}' NOT NULL,
	`state_version` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`submitted_at` integer,
	`finished_at` integer,
	FOREIGN KEY (`service_code`) REFERENCES `services`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_version_id`) REFERENCES `service_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `applications_applicant` ON `applications` (`applicant_card_number`,`status`);--> statement-breakpoint
CREATE INDEX `applications_service` ON `applications` (`service_code`,`submitted_at`);--> statement-breakpoint
CREATE TABLE `tasks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`application_id` integer NOT NULL,
	`step_key` text NOT NULL,
	`assignee_card_number` text NOT NULL,
	`box` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`decided_at` integer,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `tasks_assignee` ON `tasks` (`assignee_card_number`,`box`);--> statement-breakpoint
CREATE TABLE `questions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`asker_card_number` text NOT NULL,
	`service_code` text,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`service_code`) REFERENCES `services`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `questions_asker` ON `questions` (`asker_card_number`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`recipient_card_number` text NOT NULL,
	`kind` text NOT NULL,
	`title_zh` text NOT NULL,
	`title_en` text NOT NULL,
	`link` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`read_at` integer
);
--> statement-breakpoint
CREATE INDEX `notifications_unread` ON `notifications` (`recipient_card_number`,`read_at`);--> statement-breakpoint
CREATE TABLE `mf_deployments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`version` text NOT NULL,
	`imports` text NOT NULL,
	`styles` text DEFAULT '[]' NOT NULL,
	`html` text,
	`base_url` text NOT NULL,
	`registered_by` text NOT NULL,
	`registered_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`rolled_back_at` integer,
	`rolled_back_by` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mf_deployments_name_version` ON `mf_deployments` (`name`,`version`);