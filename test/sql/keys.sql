-- Key seeks in sorted fixed-length files (the key option): results, plan
-- shapes and the seeks counted by EXPLAIN ANALYZE; never timings.
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/helpers.psql
CREATE SCHEMA test_keys;
SET search_path = test_keys, public;
\set hand :abs_srcdir '/data/hand'
\set dupkeys :hand '/dupkeys.dat'
\set textkeys :hand '/textkeys.dat'
\set packedkeys :hand '/packedkeys.dat'
\set binkeys :hand '/binkeys.dat'
\set unsorted :hand '/unsorted.dat'
\set ksds :abs_srcdir '/data/cobol/ksds_acct_cp037.dat'
\set acctcpy :abs_srcdir '/../demo/data/ACCTMAST.cpy'
SET max_parallel_workers_per_gather = 0;

CREATE SERVER keyed FOREIGN DATA WRAPPER zfdw;

-- EXPLAIN ANALYZE without the file name or timings
CREATE FUNCTION zt_seek(q text) RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE line text; m text[];
BEGIN
    FOR line IN EXECUTE 'EXPLAIN (ANALYZE, BUFFERS OFF, COSTS OFF, TIMING OFF, SUMMARY OFF) ' || q LOOP
        CONTINUE WHEN line ~ 'Foreign File|Record Format|Record Length|Code Page|Copybook Record|Records Rejected';
        -- what PostgreSQL versions print differently, written one way:
        -- 18 prints row counts with two decimals (zt_plan_line)
        line := zt_plan_line(line);
        CONTINUE WHEN line IS NULL;
        -- 17 names an InitPlan's value (InitPlan 1).col1 where 15 wrote $0,
        -- and 19 names the InitPlan expr_1
        line := regexp_replace(line, '\(InitPlan (1|expr_1)\)\.col1', '$0', 'g');
        line := regexp_replace(line, '^(\s*)InitPlan (1|expr_1)$', '\1InitPlan 1 (returns $0)');
        -- 16 writes a join clause the other way round: this table's
        -- (unqualified) column first
        m := regexp_match(line, '^(\s*Filter: \()(\w+\.\w+) = (\w+)\)$');
        IF m IS NOT NULL THEN
            line := m[1] || m[3] || ' = ' || m[2] || ')';
        END IF;
        RETURN NEXT line;
    END LOOP;
END $$;

-- 1. unsigned zoned key with duplicates
CREATE FOREIGN TABLE dup (k integer OPTIONS (position '1', pic '9(4)'),
                          v text OPTIONS (position '5', length '4'))
    SERVER keyed OPTIONS (filename :'dupkeys', lrecl '8', key 'k');
SELECT * FROM dup WHERE k = 3;
SELECT * FROM zt_seek('SELECT * FROM dup WHERE k = 3');
SELECT * FROM dup WHERE k = 1;            -- first record
SELECT * FROM dup WHERE k = 9;            -- last record
SELECT * FROM dup WHERE k = 5;            -- absent
SELECT * FROM dup WHERE k = 10000;        -- beyond what the field holds
SELECT * FROM dup WHERE k = -3;           -- below
SELECT * FROM dup WHERE k IN (9, 1, 4, 3) ORDER BY k, v;
SELECT * FROM zt_seek('SELECT * FROM dup WHERE k IN (9, 1, 4, 3)');
SELECT * FROM dup WHERE k > 1 AND k <= 7;
SELECT * FROM dup WHERE k BETWEEN 2.5 AND 7.5;
SELECT * FROM dup WHERE k >= 8;
SELECT * FROM dup WHERE k < 0;
SELECT * FROM dup WHERE k = 3 AND k = 7;
SELECT * FROM dup WHERE k = NULL::int;
SELECT * FROM zt_seek('SELECT * FROM dup WHERE k > 1 AND k <= 7');
-- an unsigned numeric key gives its order: no Sort node
SELECT * FROM zt_seek('SELECT * FROM dup ORDER BY k');
SELECT * FROM dup ORDER BY k;

-- 2. a character key in EBCDIC order: equality and IN seek, ranges do not
CREATE FOREIGN TABLE textk (k text OPTIONS (position '1', length '3'),
                            n text OPTIONS (position '4', length '1'))
    SERVER keyed OPTIONS (filename :'textkeys', lrecl '4', key 'k', codepage 'cp037');
SELECT * FROM textk;
SELECT * FROM textk WHERE k = 'ABD';
SELECT * FROM textk WHERE k IN ('123', 'abc', 'xyz') ORDER BY n;
SELECT * FROM zt_seek($$SELECT * FROM textk WHERE k IN ('123', 'abc', 'xyz')$$);
SELECT * FROM textk WHERE k > 'ABC' ORDER BY n;
SELECT * FROM zt_seek($$SELECT * FROM textk WHERE k > 'ABC'$$);

-- 3. a signed packed key: byte order follows magnitudes
CREATE FOREIGN TABLE packedk (k numeric(3,0) OPTIONS (position '1', pic 'S9(3)', usage 'comp-3'),
                              n text OPTIONS (position '3', length '1'))
    SERVER keyed OPTIONS (filename :'packedkeys', lrecl '3', key 'k');
SELECT * FROM packedk;
SELECT * FROM packedk WHERE k = -1;
SELECT * FROM packedk WHERE k BETWEEN -12 AND 2 ORDER BY k;
SELECT * FROM packedk WHERE k >= 2 ORDER BY k;
SELECT * FROM packedk WHERE k < -5 ORDER BY k;
SELECT * FROM zt_seek('SELECT * FROM packedk WHERE k >= 2');

-- 4. a signed binary key: negatives sort last in byte order
CREATE FOREIGN TABLE bink (k smallint OPTIONS (position '1', pic 'S9(4)', usage 'comp'),
                           n text OPTIONS (position '3', length '1'))
    SERVER keyed OPTIONS (filename :'binkeys', lrecl '3', key 'k');
SELECT * FROM bink;
SELECT * FROM bink WHERE k BETWEEN -300 AND 5 ORDER BY k;
SELECT * FROM bink WHERE k = -1;
SELECT * FROM bink WHERE k > 0 ORDER BY k;
SELECT * FROM bink WHERE k < 0 ORDER BY k;
SELECT * FROM zt_seek('SELECT * FROM bink WHERE k BETWEEN -300 AND 5');

-- 5. the KSDS account export: seeks against a full scan
CREATE FOREIGN TABLE accounts (acct_number bigint, acct_holder_name text,
                               acct_current_bal numeric(15,2))
    SERVER keyed OPTIONS (filename :'ksds', copybook :'acctcpy', key 'acct_number');
CREATE TABLE accounts_copy AS SELECT * FROM accounts;
SELECT count(*) FROM accounts a JOIN accounts_copy c USING (acct_number)
 WHERE a.acct_current_bal = c.acct_current_bal;
SELECT (SELECT count(*) FROM accounts WHERE acct_number > x.n) =
       (SELECT count(*) FROM accounts_copy WHERE acct_number > x.n) AS same
  FROM (SELECT acct_number AS n FROM accounts_copy WHERE acct_number % 7 = 0) x
 GROUP BY 1;
SELECT * FROM zt_seek('SELECT * FROM accounts WHERE acct_number = (SELECT min(acct_number) FROM accounts_copy)');

-- a parameterized nested loop seeks once per outer row
CREATE TABLE wanted AS
  SELECT acct_number FROM accounts_copy WHERE acct_number % 10 = 3
  UNION ALL SELECT 1234;                  -- absent
ANALYZE wanted;
ANALYZE accounts;
-- (36 KiB are cheaper to read whole than 28 random blocks: make seeks
-- cheap, as they are with the file in the page cache)
SET enable_hashjoin = off;
SET enable_mergejoin = off;
SET random_page_cost = 0.1;
SELECT count(*), sum(a.acct_current_bal)
  FROM wanted w JOIN accounts a USING (acct_number);
SELECT count(*), sum(c.acct_current_bal)
  FROM wanted w JOIN accounts_copy c USING (acct_number);
SELECT * FROM zt_seek('SELECT * FROM wanted w JOIN accounts a USING (acct_number)');
RESET enable_hashjoin;
RESET enable_mergejoin;
RESET random_page_cost;

-- 6. a file that is not sorted is an error, not a wrong answer
CREATE FOREIGN TABLE unsorted (k integer OPTIONS (position '1', pic '9(4)'),
                               v text OPTIONS (position '5', length '4'))
    SERVER keyed OPTIONS (filename :'unsorted', lrecl '8', key 'k');
SELECT zt_error($$SELECT * FROM unsorted$$);
SELECT zt_error($$SELECT * FROM unsorted WHERE k = 3$$);
