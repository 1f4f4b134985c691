-- Frozen: an archive at this version was made by exactly this SQL; never edit it,
-- add a new version instead.
-- Version 6: cost figures as real documents print them: the top of a range, the hedge ("close
-- to"), the unit of a rate ("day"), the fiscal year as written, the place the text ties the
-- figure to when it is not the document's own, and a note (the same money written another way).
ALTER TABLE cost_figures ADD COLUMN amount_high REAL;
ALTER TABLE cost_figures ADD COLUMN hedge TEXT;
ALTER TABLE cost_figures ADD COLUMN unit TEXT;
ALTER TABLE cost_figures ADD COLUMN fiscal_text TEXT;
ALTER TABLE cost_figures ADD COLUMN place TEXT;
ALTER TABLE cost_figures ADD COLUMN note TEXT;
