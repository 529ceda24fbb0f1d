CREATE TABLE `task_list_revisions` (
	`card_number` text NOT NULL,
	`writer` integer DEFAULT 0 NOT NULL,
	`revision` integer NOT NULL,
	PRIMARY KEY(`card_number`, `writer`)
);
--> statement-breakpoint
-- Written by hand: the triggers that raise the numbers (schema/applications.ts, taskListRevisions).
-- A task row's people: who holds it, whom they hold it for, who closed it; before and after.
-- Only the columns a list row shows: the deadline scan's claims (reminded_at…) change no list.
CREATE TRIGGER `task_list_revisions_task_insert` AFTER INSERT ON `tasks` BEGIN
  INSERT INTO `task_list_revisions` (`card_number`, `revision`)
    SELECT `person`, 1 FROM (SELECT NEW.`assignee_card_number` AS `person` UNION ALL SELECT NEW.`on_behalf_of` UNION ALL SELECT NEW.`closed_by`) WHERE `person` IS NOT NULL
    ON CONFLICT (`card_number`, `writer`) DO UPDATE SET `revision` = `revision` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `task_list_revisions_task_update` AFTER UPDATE OF `application_id`, `engine_task_id`, `service_code`, `step_key`, `step_name_zh`, `step_name_en`, `assignee_card_number`, `on_behalf_of`, `status`, `outcome`, `box`, `created_at`, `due_at`, `decided_at`, `closed_by` ON `tasks` BEGIN
  INSERT INTO `task_list_revisions` (`card_number`, `revision`)
    SELECT `person`, 1 FROM (SELECT OLD.`assignee_card_number` AS `person` UNION ALL SELECT OLD.`on_behalf_of` UNION ALL SELECT OLD.`closed_by` UNION ALL SELECT NEW.`assignee_card_number` UNION ALL SELECT NEW.`on_behalf_of` UNION ALL SELECT NEW.`closed_by`) WHERE `person` IS NOT NULL
    ON CONFLICT (`card_number`, `writer`) DO UPDATE SET `revision` = `revision` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `task_list_revisions_task_delete` AFTER DELETE ON `tasks` BEGIN
  INSERT INTO `task_list_revisions` (`card_number`, `revision`)
    SELECT `person`, 1 FROM (SELECT OLD.`assignee_card_number` AS `person` UNION ALL SELECT OLD.`on_behalf_of` UNION ALL SELECT OLD.`closed_by`) WHERE `person` IS NOT NULL
    ON CONFLICT (`card_number`, `writer`) DO UPDATE SET `revision` = `revision` + 1;
END;
--> statement-breakpoint
-- An application's row in its tasks' lists: status, engine state (its version), number, applicant, service.
CREATE TRIGGER `task_list_revisions_application_update` AFTER UPDATE OF `status`, `state_version`, `reference_number`, `applicant_card_number`, `service_code`, `service_version_id` ON `applications` BEGIN
  INSERT INTO `task_list_revisions` (`card_number`, `revision`)
    SELECT DISTINCT `person`, 1 FROM (
      SELECT `assignee_card_number` AS `person` FROM `tasks` WHERE `application_id` = NEW.`id`
      UNION SELECT `on_behalf_of` FROM `tasks` WHERE `application_id` = NEW.`id`
      UNION SELECT `closed_by` FROM `tasks` WHERE `application_id` = NEW.`id`
    ) WHERE `person` IS NOT NULL
    ON CONFLICT (`card_number`, `writer`) DO UPDATE SET `revision` = `revision` + 1;
END;
--> statement-breakpoint
-- Everyone's (`*`): the names, kinds and departments of people, departments' names, services' names.
CREATE TRIGGER `task_list_revisions_people_insert` AFTER INSERT ON `people` BEGIN
  INSERT INTO `task_list_revisions` (`card_number`, `revision`) VALUES ('*', 1) ON CONFLICT (`card_number`, `writer`) DO UPDATE SET `revision` = `revision` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `task_list_revisions_people_update` AFTER UPDATE OF `card_number`, `name`, `name_en`, `kind`, `department_code` ON `people` BEGIN
  INSERT INTO `task_list_revisions` (`card_number`, `revision`) VALUES ('*', 1) ON CONFLICT (`card_number`, `writer`) DO UPDATE SET `revision` = `revision` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `task_list_revisions_people_delete` AFTER DELETE ON `people` BEGIN
  INSERT INTO `task_list_revisions` (`card_number`, `revision`) VALUES ('*', 1) ON CONFLICT (`card_number`, `writer`) DO UPDATE SET `revision` = `revision` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `task_list_revisions_department_insert` AFTER INSERT ON `departments` BEGIN
  INSERT INTO `task_list_revisions` (`card_number`, `revision`) VALUES ('*', 1) ON CONFLICT (`card_number`, `writer`) DO UPDATE SET `revision` = `revision` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `task_list_revisions_department_update` AFTER UPDATE OF `code`, `name_zh`, `name_en` ON `departments` BEGIN
  INSERT INTO `task_list_revisions` (`card_number`, `revision`) VALUES ('*', 1) ON CONFLICT (`card_number`, `writer`) DO UPDATE SET `revision` = `revision` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `task_list_revisions_department_delete` AFTER DELETE ON `departments` BEGIN
  INSERT INTO `task_list_revisions` (`card_number`, `revision`) VALUES ('*', 1) ON CONFLICT (`card_number`, `writer`) DO UPDATE SET `revision` = `revision` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `task_list_revisions_service_version_update` AFTER UPDATE OF `id`, `name_zh`, `name_en` ON `service_versions` BEGIN
  INSERT INTO `task_list_revisions` (`card_number`, `revision`) VALUES ('*', 1) ON CONFLICT (`card_number`, `writer`) DO UPDATE SET `revision` = `revision` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `task_list_revisions_service_version_delete` AFTER DELETE ON `service_versions` BEGIN
  INSERT INTO `task_list_revisions` (`card_number`, `revision`) VALUES ('*', 1) ON CONFLICT (`card_number`, `writer`) DO UPDATE SET `revision` = `revision` + 1;
END;
