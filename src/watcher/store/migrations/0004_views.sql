-- Frozen: an archive at this version was made by exactly this SQL; never edit it,
-- add a new version instead.
-- Version 4: views for analysts.
CREATE VIEW IF NOT EXISTS current_agreements AS
SELECT id, state, agency, support_type, agency_type, county, jurisdiction_county, signed,
       moa_url, addendum_url, status, first_seen_at, last_seen_at,
       CAST(julianday(last_seen_at) - julianday(first_seen_at) AS INTEGER) AS days_listed
FROM agreements JOIN agreement_last_seen ON agreement_id = id
WHERE list_kind = 'participating' AND status IN ('active', 'missing');

CREATE VIEW IF NOT EXISTS agreement_timeline AS
WITH ranked AS (
    SELECT agreement_id, type, observed_at, previous_agency,
           ROW_NUMBER() OVER (PARTITION BY agreement_id, type ORDER BY observed_at DESC, id DESC)
               AS newest
    FROM events WHERE type IN ('renewal', 'rename', 'withdrawal', 'reinstated')
),
per_agreement AS (
    SELECT agreement_id,
           SUM(type = 'renewal') AS renewals,
           MAX(CASE WHEN type = 'renewal' AND newest = 1 THEN observed_at END) AS last_renewal_at,
           SUM(type = 'rename') AS renames,
           GROUP_CONCAT(CASE WHEN type = 'rename' THEN previous_agency END, ' | ')
               AS former_names,
           SUM(type = 'withdrawal') AS withdrawals,
           MAX(CASE WHEN type = 'withdrawal' AND newest = 1 THEN observed_at END) AS withdrawn_at,
           MAX(CASE WHEN type = 'reinstated' AND newest = 1 THEN observed_at END)
               AS reinstated_at
    FROM (SELECT * FROM ranked ORDER BY agreement_id, observed_at)
    GROUP BY agreement_id
)
SELECT a.id, a.list_kind, a.state, a.agency, a.support_type, a.jurisdiction_county, a.signed,
       a.status, a.first_seen_at AS first_listed,
       EXISTS (SELECT 1 FROM agreement_history h
               WHERE h.agreement_id = a.id AND h.change = 'baseline') AS on_first_list,
       COALESCE(p.renewals, 0) AS renewals, p.last_renewal_at,
       COALESCE(p.renames, 0) AS renames, p.former_names,
       COALESCE(p.withdrawals, 0) AS withdrawals, p.withdrawn_at, p.reinstated_at,
       a.ended_at, s.last_seen_at AS last_listed,
       CAST(julianday(s.last_seen_at) - julianday(a.first_seen_at) AS INTEGER) AS days_active
FROM agreements a JOIN agreement_last_seen s ON s.agreement_id = a.id
LEFT JOIN per_agreement p ON p.agreement_id = a.id;

CREATE VIEW IF NOT EXISTS event_costs AS
SELECT e.id AS event_id, e.observed_at, e.type, e.state, a.jurisdiction_county AS county,
       e.agency, e.support_type, e.signed, e.alert,
       COUNT(f.id) OVER (PARTITION BY e.id) AS figures_for_event,
       f.id AS figure_id, f.amount, f.kind, f.fiscal_year, f.period, f.sentence,
       f.url AS figure_url, f.page AS figure_page, f.doc_date AS figure_doc_date
FROM events e
JOIN agreements a ON a.id = e.agreement_id
LEFT JOIN cost_figures f
    ON f.state = e.state AND f.county = a.jurisdiction_county COLLATE NOCASE;

CREATE VIEW IF NOT EXISTS costs_by_jurisdiction_year AS
WITH grouped AS (
    SELECT state, county, fiscal_year, kind, COUNT(*) AS figures, SUM(amount) AS total_amount,
           MIN(amount) AS min_amount, MAX(amount) AS max_amount,
           COUNT(DISTINCT document_id) AS documents,
           MIN(doc_date) AS first_doc_date, MAX(doc_date) AS last_doc_date
    FROM cost_figures GROUP BY state, county, fiscal_year, kind
)
SELECT g.*,
       SUM(total_amount) OVER (PARTITION BY state, county, kind ORDER BY fiscal_year
                               ROWS UNBOUNDED PRECEDING) AS running_total,
       (SELECT COUNT(*) FROM current_agreements c
        WHERE c.state = g.state AND c.jurisdiction_county = g.county COLLATE NOCASE)
           AS current_agreements
FROM grouped g;

CREATE VIEW IF NOT EXISTS monthly_counts AS
WITH RECURSIVE months(month) AS (
    SELECT COALESCE(MIN(substr(MIN(signed, first_seen_at), 1, 7)), '2025-01') FROM agreements
    UNION ALL
    SELECT strftime('%Y-%m', month || '-01', '+1 month') FROM months
    WHERE month < (SELECT COALESCE(substr(MAX(last_seen_at), 1, 7), '2025-01')
                   FROM agreement_last_seen)
),
deltas AS (
    SELECT list_kind, state, support_type, month,
           SUM(signed) AS signed, SUM(listed) AS first_listed,
           SUM(withdrawn) AS withdrawn, SUM(listed) - SUM(ended) AS net
    FROM (
        SELECT list_kind, state, support_type, substr(signed, 1, 7) AS month,
               1 AS signed, 0 AS listed, 0 AS withdrawn, 0 AS ended
        FROM agreements WHERE signed IS NOT NULL
        UNION ALL
        SELECT list_kind, state, support_type, substr(first_seen_at, 1, 7), 0, 1, 0, 0
        FROM agreements
        UNION ALL
        SELECT list_kind, state, support_type, substr(ended_at, 1, 7), 0, 0,
               status = 'withdrawn', 1
        FROM agreements WHERE ended_at IS NOT NULL
    )
    GROUP BY list_kind, state, support_type, month
),
series AS (
    SELECT k.list_kind, k.state, k.support_type, m.month,
           COALESCE(d.signed, 0) AS signed, COALESCE(d.first_listed, 0) AS first_listed,
           COALESCE(d.withdrawn, 0) AS withdrawn,
           SUM(COALESCE(d.net, 0)) OVER (
               PARTITION BY k.list_kind, k.state, k.support_type ORDER BY m.month
               ROWS UNBOUNDED PRECEDING) AS listed_at_month_end
    FROM (SELECT DISTINCT list_kind, state, support_type FROM agreements) k
    CROSS JOIN months m
    LEFT JOIN deltas d ON d.list_kind = k.list_kind AND d.state = k.state
        AND d.support_type = k.support_type AND d.month = m.month
)
SELECT * FROM series
WHERE signed > 0 OR first_listed > 0 OR withdrawn > 0 OR listed_at_month_end > 0;

CREATE INDEX IF NOT EXISTS events_agreement ON events (agreement_id, type);
