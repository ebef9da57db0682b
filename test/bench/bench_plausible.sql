-- bench_plausible.sql: see bench_plausible.sh
CREATE EXTENSION zfdw;
CREATE SERVER bench FOREIGN DATA WRAPPER zfdw;
CREATE FOREIGN TABLE acct (acct_number bigint, acct_holder_name text, acct_product_code text)
  SERVER bench OPTIONS (copybook :'cpy', filename :'dat', codepage 'cp037');
CREATE FUNCTION queries(n int) RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE
    t0 timestamptz := clock_timestamp();
    r record;
BEGIN
    FOR i IN 1..n LOOP
        EXECUTE 'SELECT * FROM acct LIMIT 1' INTO r;
    END LOOP;
    RETURN extract(epoch FROM clock_timestamp() - t0) * 1000;
END $$;
SELECT set_config('bench.repeat', :'repeat', false) IS NOT NULL AS repeat_set;
CREATE TEMP TABLE runs (setting text, ms float8);
SELECT queries(20);
DO $$
BEGIN
    FOR round IN 1..current_setting('bench.repeat')::int LOOP
        SET zfdw.plausibility_checks = on;
        SET zfdw.check_codepage = on;
        INSERT INTO runs SELECT 'checks on', queries(300);
        SET zfdw.check_codepage = off;
        INSERT INTO runs SELECT 'check_codepage off', queries(300);
        SET zfdw.plausibility_checks = off;
        INSERT INTO runs SELECT 'plausibility_checks off', queries(300);
    END LOOP;
END $$;
SELECT setting, round(min(ms)::numeric, 1) AS "ms per 300 queries (best)",
       round((percentile_cont(0.5) WITHIN GROUP (ORDER BY ms))::numeric, 1) AS "median",
       round(max(ms)::numeric, 1) AS "worst"
  FROM runs GROUP BY setting ORDER BY min(ms) DESC;
