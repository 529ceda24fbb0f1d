-- Written by hand (decision 024): every node remembers for a few seconds the sessions it read, and
-- forgets one as soon as it hears that it ended or changed. This trigger is how it hears, whatever
-- wrote the change (a logout, an IdP's logout, an expiry, an organisation import, a node of another
-- build, hand-written SQL): the session's id hash on the channel hall_sessions, sent by PostgreSQL
-- when the transaction commits and never if it rolls back. The minute's touch (last_seen_at) and a
-- new session (nothing to forget) send nothing.
CREATE FUNCTION "sessions_heard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('hall_sessions', OLD."id_hash");
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "sessions_heard" AFTER DELETE OR UPDATE OF "id_hash", "card_number", "user", "created_at", "name_id", "session_index" ON "sessions"
  FOR EACH ROW EXECUTE FUNCTION "sessions_heard"();
--> statement-breakpoint
-- What /api/me adds to a session, remembered the same way: the language a person chose…
CREATE FUNCTION "language_heard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('hall_sessions', 'language:' || (CASE WHEN TG_OP = 'DELETE' THEN OLD."card_number" ELSE NEW."card_number" END));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "language_heard" AFTER INSERT OR DELETE OR UPDATE OF "card_number", "language", "language_chosen_at" ON "notification_preferences"
  FOR EACH ROW EXECUTE FUNCTION "language_heard"();
--> statement-breakpoint
-- …and the names of departments (one notice per statement: PostgreSQL folds repeats in one transaction).
CREATE FUNCTION "departments_heard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('hall_sessions', 'departments');
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "departments_heard" AFTER INSERT OR DELETE OR UPDATE ON "departments"
  FOR EACH STATEMENT EXECUTE FUNCTION "departments_heard"();
