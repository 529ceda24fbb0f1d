CREATE TABLE `question_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`question_id` integer NOT NULL,
	`author_card_number` text NOT NULL,
	`side` text NOT NULL,
	`body` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`question_id`) REFERENCES `questions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `question_messages_question` ON `question_messages` (`question_id`,`id`);--> statement-breakpoint
CREATE TABLE `ratings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`application_id` integer NOT NULL,
	`service_code` text NOT NULL,
	`rater_card_number` text NOT NULL,
	`service_score` integer NOT NULL,
	`process_score` integer NOT NULL,
	`tags` text DEFAULT '[]' NOT NULL,
	`comment` text,
	`step_key` text,
	`anonymous` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ratings_application` ON `ratings` (`application_id`);--> statement-breakpoint
CREATE INDEX `ratings_service` ON `ratings` (`service_code`,`created_at`);--> statement-breakpoint
CREATE INDEX `ratings_rater` ON `ratings` (`rater_card_number`);--> statement-breakpoint
CREATE TABLE `statistics_exports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`requested_by` text NOT NULL,
	`kind` text NOT NULL,
	`filters` text NOT NULL,
	`status` text DEFAULT 'running' NOT NULL,
	`done` integer DEFAULT 0 NOT NULL,
	`total` integer DEFAULT 0 NOT NULL,
	`file` blob,
	`created_at` integer NOT NULL,
	`finished_at` integer
);
--> statement-breakpoint
CREATE TABLE `notification_deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`outbox_id` integer NOT NULL,
	`channel` text NOT NULL,
	`recipient` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`claimed_by` text,
	`claimed_at` integer,
	`sent_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`outbox_id`) REFERENCES `outbox`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notification_deliveries_once` ON `notification_deliveries` (`outbox_id`,`channel`);--> statement-breakpoint
CREATE INDEX `notification_deliveries_due` ON `notification_deliveries` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `notification_preferences` (
	`card_number` text PRIMARY KEY NOT NULL,
	`language` text DEFAULT 'zh-CN' NOT NULL,
	`channels` text DEFAULT '{}' NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `service_audit_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`service_code` text NOT NULL,
	`version` integer,
	`actor_card_number` text NOT NULL,
	`actor_name` text NOT NULL,
	`action` text NOT NULL,
	`detail` text DEFAULT '{}' NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`service_code`) REFERENCES `services`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `service_audit_by_service` ON `service_audit_events` (`service_code`,`at`);--> statement-breakpoint
ALTER TABLE `tasks` ADD `reminded_at` integer;--> statement-breakpoint
ALTER TABLE `tasks` ADD `overdue_notified_at` integer;--> statement-breakpoint
CREATE INDEX `tasks_closed_by` ON `tasks` (`closed_by`,`box`);--> statement-breakpoint
ALTER TABLE `questions` ADD `department_code` text;--> statement-breakpoint
ALTER TABLE `questions` ADD `faq_question` text;--> statement-breakpoint
ALTER TABLE `questions` ADD `faq_answer` text;--> statement-breakpoint
ALTER TABLE `questions` ADD `faq_published_at` integer;--> statement-breakpoint
ALTER TABLE `questions` ADD `faq_published_by` text;--> statement-breakpoint
ALTER TABLE `questions` ADD `updated_at` integer;--> statement-breakpoint
CREATE INDEX `questions_department` ON `questions` (`department_code`,`status`);--> statement-breakpoint
CREATE INDEX `questions_faq` ON `questions` (`service_code`,`faq_published_at`);--> statement-breakpoint
ALTER TABLE `notifications` ADD `actions` text;--> statement-breakpoint
CREATE INDEX `notifications_recipient` ON `notifications` (`recipient_card_number`,`id`);