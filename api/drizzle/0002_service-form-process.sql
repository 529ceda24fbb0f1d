ALTER TABLE `service_versions` ADD `form` text;--> statement-breakpoint
ALTER TABLE `service_versions` ADD `process` text;