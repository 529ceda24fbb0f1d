ALTER TABLE `services` ADD `short_name` text;--> statement-breakpoint
ALTER TABLE `applications` ADD `reference_number` text;--> statement-breakpoint
CREATE UNIQUE INDEX `applications_reference_number` ON `applications` (`reference_number`);--> statement-breakpoint
ALTER TABLE `questions` ADD `faq_question_en` text;--> statement-breakpoint
ALTER TABLE `questions` ADD `faq_answer_en` text;