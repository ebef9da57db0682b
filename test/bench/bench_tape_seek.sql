-- bench_tape_seek.sql: the queries of bench_tape_seek.sh (see there).
\pset footer off
SET client_min_messages = warning;
CREATE EXTENSION zfdw;
CREATE SERVER mf FOREIGN DATA WRAPPER zfdw OPTIONS (codepage 'cp037');
SET max_parallel_workers_per_gather = 0;
CREATE FOREIGN TABLE mapped (k integer OPTIONS (position '1', pic '9(6)'))
    SERVER mf OPTIONS (filename :'aws', container 'awstape', tape_file '2', key 'k', lrecl '40');
CREATE FOREIGN TABLE inflated (k integer OPTIONS (position '1', pic '9(6)'))
    SERVER mf OPTIONS (filename :'het', container 'het', tape_file '2', key 'k', lrecl '40');
\set key 'round(:rows * 0.73)'
SELECT (SELECT count(*) FROM mapped) AS records,
       (SELECT count(*) FROM mapped WHERE k = :key) AS mapped_hits,
       (SELECT count(*) FROM inflated WHERE k = :key) AS inflated_hits;

CREATE FUNCTION best_ms(q text, n int) RETURNS numeric LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz; best numeric; t numeric; r record;
BEGIN
    FOR i IN 1..n LOOP
        t0 := clock_timestamp();
        EXECUTE q INTO r;
        t := extract(epoch FROM clock_timestamp() - t0) * 1000;
        IF best IS NULL OR t < best THEN best := t; END IF;
    END LOOP;
    RETURN round(best, 1);
END $$;
SELECT q AS query, best_ms(q, :repeat) AS best_ms
FROM (VALUES (format('SELECT count(*) FROM mapped WHERE k = %s', :key)),
             (format('SELECT count(*) FROM inflated WHERE k = %s', :key)),
             ('SELECT count(*) FROM mapped'),
             ('SELECT count(*) FROM inflated')) AS v(q);
