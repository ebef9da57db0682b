-- demo.sql: the zfdw showcase, run by "make demo" against a throwaway
-- cluster.  :demo is the demo folder of the checkout.
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
