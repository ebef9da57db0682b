-- on_error 'skip' gives the same rows whatever the query reads: a record
-- is bad when any column of the table would fail.  skip.dat (see
-- test/data/diag/make.sh) holds one kind of bad value per record:
-- records 1 and 8 are good, 2-7 are not.
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/helpers.psql
CREATE SCHEMA test_diag_skip;
SET search_path = test_diag_skip, public;
\set f :abs_srcdir '/data/diag/skip.dat'
CREATE SERVER diag_skip FOREIGN DATA WRAPPER zfdw;
CREATE FOREIGN TABLE sk (
    id   int     OPTIONS (position '1', pic '9(2)'),
    amt  numeric OPTIONS (position '3', length '3', usage 'comp-3', pic 'S9(5)'),
    qty  int     OPTIONS (position '6', pic 'S9(4)'),
    name text    OPTIONS (position '10', length '4'),
    cnt  int2    OPTIONS (position '14', pic 'S9(9)', usage 'comp'),
    dt   date    OPTIONS (position '18', length '8', format 'YYYYMMDD')
) SERVER diag_skip OPTIONS (filename :'f', lrecl '25', on_error 'skip', log_verbosity 'silent');

-- each record's problem, one NOTICE per bad value (the first of the record)
ALTER FOREIGN TABLE sk OPTIONS (SET log_verbosity 'verbose');
\set VERBOSITY terse
SELECT id FROM sk;
\set VERBOSITY default
ALTER FOREIGN TABLE sk OPTIONS (SET log_verbosity 'silent');

-- every projection (each subset of the six columns, and none) reads the
-- same two records
DO $$
DECLARE
    cols text[] := ARRAY['id', 'amt', 'qty', 'name', 'cnt', 'dt'];
    sel text[];
    n bigint;
    bad int := 0;
BEGIN
    FOR mask IN 0 .. 63 LOOP
        sel := ARRAY[]::text[];
        FOR i IN 1 .. 6 LOOP
            IF mask & (1 << (i - 1)) <> 0 THEN
                sel := sel || cols[i];
            END IF;
        END LOOP;
        IF cardinality(sel) = 0 THEN
            EXECUTE 'SELECT count(*) FROM sk' INTO n;
        ELSE
            EXECUTE format('SELECT count(*) FROM (SELECT %s FROM sk) x', array_to_string(sel, ', ')) INTO n;
        END IF;
        IF n <> 2 THEN
            RAISE NOTICE 'columns % read % rows', sel, n;
            bad := bad + 1;
        END IF;
    END LOOP;
    RAISE NOTICE '% of 64 projections differ', bad;
END $$;
SELECT count(*), count(id), count(amt), count(qty), count(name), count(cnt), count(dt) FROM sk;
SELECT id FROM sk WHERE qty = 42;
SELECT sum(amt) FROM sk;

-- on_error 'null' keeps every record and nulls only the bad values
ALTER FOREIGN TABLE sk OPTIONS (SET on_error 'null');
SELECT * FROM sk ORDER BY id;
SELECT count(*) FROM sk;

-- on_error 'stop' names the first bad value, whatever the query reads
ALTER FOREIGN TABLE sk OPTIONS (SET on_error 'stop');
SELECT count(*) FROM sk;
SELECT zt_error('SELECT amt FROM sk');
SELECT zt_error('SELECT dt FROM sk');
DROP SCHEMA test_diag_skip CASCADE;
DROP SERVER diag_skip;
