-- demo.sql: the zfdw showcase, run by "make demo" against a throwaway
-- cluster.  :demo is the demo folder of the checkout; :acctcdc, when set,
-- the change extract that scripts/demo.sh wrote just before (with
-- demo/data/acctcdc.py, commit times ending now), else
-- :demo/data/acctcdc.dat, which that program writes by default.
\pset footer off
\set data :demo '/data'
\set acctmast :data '/acctmast.dat'
\set acctcpy :data '/ACCTMAST.cpy'
\set profiles :data '/customer_digital_profile.csv'
\set tranpunch :data '/TRANHIST.punch'
\set tranddl :data '/TRANHIST.ddl'
\set trandat :data '/tranhist.dat'

\echo
\echo '== 1. The extension and a server for the mainframe files'
CREATE EXTENSION zfdw;
CREATE SERVER mainframe FOREIGN DATA WRAPPER zfdw OPTIONS (codepage 'cp037');

\echo
\echo '== 2. What the copybook says (zfdw.copybook_layout)'
SELECT path, "offset", length, usage, picture, pg_type
  FROM zfdw.copybook_layout(pg_read_file(:'acctcpy'))
 WHERE level > 1 AND name <> 'FILLER';

\echo
\echo '== 3. One IMPORT FOREIGN SCHEMA makes the account master a table'
CREATE SCHEMA zos;
IMPORT FOREIGN SCHEMA acctmast FROM SERVER mainframe INTO zos
  OPTIONS (copybook :'acctcpy', filename :'acctmast', key 'acct_number');
\d zos.acct_master_rec

\echo
\echo '== 4. Query the EBCDIC file: packed balances, zoned dates, accents'
SELECT acct_number, acct_holder_name, acct_branch, acct_product_code,
       acct_current_bal, acct_interest_rate
  FROM zos.acct_master_rec
 ORDER BY acct_current_bal DESC
 LIMIT 5;

SELECT acct_product_code, count(*) AS accounts,
       sum(acct_current_bal) AS total_balance,
       count(*) FILTER (WHERE acct_current_bal < 0) AS overdrawn
  FROM zos.acct_master_rec
 GROUP BY acct_product_code
 ORDER BY acct_product_code;

\echo
\echo '== 5. A local table of digital profiles, joined with the mainframe file'
CREATE TABLE customer_digital_profile (
    customer_id  integer PRIMARY KEY,
    email_domain text,
    app_user     boolean,
    segment      text,
    last_login   timestamp
);
COPY customer_digital_profile FROM :'profiles' WITH (FORMAT csv, HEADER true);
ANALYZE customer_digital_profile;
ANALYZE zos.acct_master_rec;

\echo 'Customers eligible for a premium upgrade: app users with more than'
\echo '50,000 across their active accounts.'
SELECT p.customer_id, p.segment, count(*) AS accounts,
       sum(a.acct_current_bal) AS total_balance
  FROM zos.acct_master_rec a
  JOIN customer_digital_profile p ON p.customer_id = a.acct_customer_id
 WHERE p.app_user AND a.acct_status = 'A'
 GROUP BY p.customer_id, p.segment
HAVING sum(a.acct_current_bal) > 50000
 ORDER BY total_balance DESC
 LIMIT 10;

EXPLAIN (COSTS OFF)
SELECT p.customer_id, sum(a.acct_current_bal)
  FROM zos.acct_master_rec a
  JOIN customer_digital_profile p ON p.customer_id = a.acct_customer_id
 WHERE p.app_user AND a.acct_status = 'A'
 GROUP BY p.customer_id;

\echo
\echo '== 6. A DB2 for z/OS table from its UNLOAD: the transaction history'
\echo 'UNLOAD wrote the data set and, in SYSPUNCH, the LOAD statement that'
\echo 'describes it; with the table DDL for the DECIMAL scales, one IMPORT'
\echo 'makes it a table.'
SELECT name, "offset", length, usage, pg_type, null_indicator
  FROM zfdw.punch_layout(pg_read_file(:'tranpunch'), pg_read_file(:'tranddl'))
 WHERE level = 0;
CREATE SCHEMA db2;
IMPORT FOREIGN SCHEMA "BANKPROD" FROM SERVER mainframe INTO db2
  OPTIONS (punch :'tranpunch', ddl :'tranddl', filename :'trandat');
\d db2.tran_history

\echo 'June 2025 by channel and type, straight from the EBCDIC unload'
SELECT channel, tran_type, count(*) AS transactions, sum(amount) AS net_amount
  FROM db2.tran_history
 GROUP BY channel, tran_type
 ORDER BY channel, tran_type;

\echo 'The busiest accounts, joined with the VSAM account master'
SELECT t.acct_number, a.acct_holder_name, a.acct_product_code,
       count(*) AS transactions, sum(t.amount) AS net_amount,
       (array_agg(t.balance_after ORDER BY t.tran_ts DESC))[1] AS last_balance
  FROM db2.tran_history t
  JOIN zos.acct_master_rec a ON a.acct_number::text = t.acct_number
 GROUP BY t.acct_number, a.acct_holder_name, a.acct_product_code
 ORDER BY transactions DESC, t.acct_number
 LIMIT 5;

\echo 'The whole batch ETL step: one INSERT ... SELECT'
CREATE TABLE tran_history (LIKE db2.tran_history);
INSERT INTO tran_history SELECT * FROM db2.tran_history;
SELECT count(*) AS loaded, count(memo) AS with_memo, count(counterparty) AS transfers,
       min(tran_ts) AS first, max(tran_ts) AS last
  FROM tran_history;

\echo
\echo '== 7. Keeping a cache current: change records from the DB2 log'
\if :{?acctcdc}
\else
\set acctcdc :data '/acctcdc.dat'
\endif
\set acctcdccpy :data '/ACCTCDC.cpy'
SET timezone = 'UTC';
\echo 'A cache of the accounts for the digital platform, loaded from the'
\echo 'account master of 2025-06-30; replicated_ts says how fresh each row is.'
CREATE TABLE account_cache (
    acct_number        bigint PRIMARY KEY,
    acct_customer_id   integer NOT NULL,
    acct_holder_name   text NOT NULL,
    acct_status        text NOT NULL,
    acct_current_bal   numeric(15,2),
    acct_available_bal numeric(15,2),
    replicated_ts      timestamptz
);
INSERT INTO account_cache
SELECT acct_number, acct_customer_id, acct_holder_name, acct_status,
       acct_current_bal, acct_available_bal
  FROM zos.acct_master_rec;

\echo 'The last half hour as a log-based capture program extracted it:'
\echo 'EBCDIC records with an operation, the log position (extended LRSN), the'
\echo 'commit time (a STCK clock value), the unit of recovery, the new row and'
\echo 'the old one (demo/data/ACCTCDC.cpy).'
CREATE FOREIGN TABLE zos.account_changes (
    cdc_op             text,
    cdc_log_pos        bytea,
    cdc_commit_ts      timestamptz OPTIONS (format 'stck'),
    cdc_urid           bytea,
    acct_number        bigint,
    acct_customer_id   integer,
    acct_holder_name   text,
    acct_status        text,
    acct_current_bal   numeric(15,2),
    acct_available_bal numeric(15,2),
    before_acct_number bigint OPTIONS (null_if 'low_values')
) SERVER mainframe OPTIONS (copybook :'acctcdccpy', filename :'acctcdc');
SELECT cdc_op, cdc_log_pos, cdc_commit_ts, acct_number, acct_holder_name,
       acct_status, acct_current_bal
  FROM zos.account_changes
 ORDER BY cdc_log_pos
 LIMIT 8;

\echo 'One call applies them: in log order, each unit of recovery whole.'
SELECT * FROM zfdw.apply_changes('zos.account_changes', 'account_cache',
        op_column        => 'cdc_op',
        position_column  => 'cdc_log_pos',
        txid_column      => 'cdc_urid',
        commit_ts_column => 'cdc_commit_ts');

SELECT acct_number, acct_holder_name, acct_status, acct_current_bal, replicated_ts
  FROM account_cache
 WHERE replicated_ts IS NOT NULL
 ORDER BY acct_number
 LIMIT 8;

\echo 'The lag is how far the last change applied was behind its commit. The'
\echo 'demo wrote this extract as it started, its last commit at that moment, so'
\echo 'the lag is seconds, as for a job that applies a live feed every few seconds.'
SELECT target, source, high_water, last_commit_ts, applied_at, lag
  FROM zfdw.replication_status;

\echo 'Run it again (a cron job, a loop): what was applied is skipped.'
SELECT * FROM zfdw.apply_changes('zos.account_changes', 'account_cache',
        op_column        => 'cdc_op',
        position_column  => 'cdc_log_pos',
        txid_column      => 'cdc_urid',
        commit_ts_column => 'cdc_commit_ts');
