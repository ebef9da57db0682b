-- Fan-out over PostgreSQL nodes: shares of a table's input (the table
-- options share_count and share_index), the DDL of a coordinator whose
-- partitioned table has one postgres_fdw partition per node, and the
-- check that every node sees its share of the same input.

CREATE FUNCTION share_input(tab regclass,
    OUT share_count int, OUT share_index int, OUT input_files int,
    OUT input_bytes bigint, OUT input_digest text, OUT share_files int,
    OUT first_record bigint, OUT end_record bigint)
RETURNS record
AS 'MODULE_PATHNAME', 'zfdw_share_input'
LANGUAGE C VOLATILE STRICT;

COMMENT ON FUNCTION share_input(regclass) IS
'what a zfdw table reads as this server sees it: the whole input (files, bytes, a digest of base names and sizes) and the table''s share (files, or its range of records)';

CREATE FUNCTION plan_shards(tab regclass, servers name[], options jsonb DEFAULT '{}')
RETURNS TABLE (node name, ddl text)
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    nsp name;
    rel name;
    srv name;
    srvopts text[];
    tabopts text[];
    nnodes int := coalesce(array_length(servers, 1), 0);
    coord name;
    coord_nsp name;
    share_col name := coalesce(options->>'share_column', 'share');
    has_share_col boolean := false;
    fetch_size text := coalesce(options->>'fetch_size', '10000');
    node_cols text := '';
    coord_cols text := '';
    opt_list text := '';
    srv_list text := '';
    key text;
    a record;
    o text;
    part name;
    node_ddl text;
    coord_ddl text;
BEGIN
    FOR key IN SELECT jsonb_object_keys(coalesce(options, '{}')) LOOP
        IF key NOT IN ('coordinator_table', 'coordinator_schema', 'share_column', 'fetch_size') THEN
            RAISE EXCEPTION 'unknown plan_shards option "%"', key
                USING ERRCODE = 'invalid_parameter_value',
                      HINT = 'Valid options are coordinator_table, coordinator_schema, share_column and fetch_size.';
        END IF;
    END LOOP;
    SELECT n.nspname, c.relname, s.srvname, s.srvoptions, ft.ftoptions
      INTO nsp, rel, srv, srvopts, tabopts
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_foreign_table ft ON ft.ftrelid = c.oid
      JOIN pg_foreign_server s ON s.oid = ft.ftserver
      JOIN pg_foreign_data_wrapper w ON w.oid = s.srvfdw
     WHERE c.oid = tab AND w.fdwname = 'zfdw';
    IF NOT FOUND THEN
        RAISE EXCEPTION '"%" is not a zfdw foreign table', tab
            USING ERRCODE = 'wrong_object_type';
    END IF;
    IF EXISTS (SELECT FROM unnest(tabopts) x
                WHERE split_part(x, '=', 1) IN ('share_count', 'share_index', 'program', 'writable')) THEN
        RAISE EXCEPTION 'foreign table "%" cannot be split into shares', tab
            USING ERRCODE = 'invalid_parameter_value',
                  DETAIL = 'It already has share options, reads a program, or is writable.',
                  HINT = 'Plan the shards of the table that reads the whole input.';
    END IF;
    IF nnodes = 0 OR array_position(servers, NULL) IS NOT NULL THEN
        RAISE EXCEPTION 'plan_shards needs the postgres_fdw servers of one or more nodes'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF nnodes > 4096 THEN
        RAISE EXCEPTION 'plan_shards plans at most 4096 shares' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF (SELECT count(DISTINCT x) FROM unnest(servers) x) <> nnodes THEN
        RAISE EXCEPTION 'a server is named twice in %', servers
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    FOR i IN 1 .. nnodes LOOP
        IF NOT EXISTS (SELECT FROM pg_foreign_server s JOIN pg_foreign_data_wrapper w ON w.oid = s.srvfdw
                        WHERE s.srvname = servers[i] AND w.fdwname = 'postgres_fdw') THEN
            RAISE EXCEPTION 'server "%" is not a postgres_fdw server of this database', servers[i]
                USING ERRCODE = 'undefined_object',
                      HINT = 'Run plan_shards on the coordinator, after CREATE SERVER ... FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host ..., dbname ...) for every node.';
        END IF;
    END LOOP;
    coord := coalesce(options->>'coordinator_table', rel || '_all');
    coord_nsp := coalesce(options->>'coordinator_schema', nsp);

    -- the columns: the node's with their zfdw options, the coordinator's
    -- with their types only
    FOR a IN SELECT att.attname, format_type(att.atttypid, att.atttypmod) AS typ,
                    att.attnotnull, att.attfdwoptions,
                    CASE WHEN att.attcollation <> t.typcollation AND att.attcollation <> 0
                         THEN ' COLLATE ' || quote_ident(col.collname) ELSE '' END AS coll
               FROM pg_attribute att
               JOIN pg_type t ON t.oid = att.atttypid
               LEFT JOIN pg_collation col ON col.oid = att.attcollation
              WHERE att.attrelid = tab AND att.attnum > 0 AND NOT att.attisdropped
              ORDER BY att.attnum LOOP
        IF 'meta=share' = ANY (coalesce(a.attfdwoptions, '{}')) THEN
            share_col := a.attname;
            has_share_col := true;
        ELSIF a.attname = share_col THEN
            RAISE EXCEPTION 'column "%" of "%" is not a share column', share_col, tab
                USING ERRCODE = 'duplicate_column',
                      HINT = 'Name another column with the option share_column, e.g. ''{"share_column": "node_share"}''.';
        END IF;
        opt_list := '';
        FOREACH o IN ARRAY coalesce(a.attfdwoptions, '{}') LOOP
            opt_list := opt_list || CASE WHEN opt_list = '' THEN '' ELSE ', ' END ||
                format('%I %L', split_part(o, '=', 1), substr(o, strpos(o, '=') + 1));
        END LOOP;
        node_cols := node_cols || CASE WHEN node_cols = '' THEN '' ELSE E',\n    ' END ||
            format('%I %s%s%s%s', a.attname, a.typ, a.coll,
                   CASE WHEN opt_list = '' THEN '' ELSE ' OPTIONS (' || opt_list || ')' END,
                   CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END);
        coord_cols := coord_cols || CASE WHEN coord_cols = '' THEN '' ELSE E',\n    ' END ||
            format('%I %s%s%s', a.attname, a.typ, a.coll,
                   CASE WHEN a.attnotnull OR a.attname = share_col THEN ' NOT NULL' ELSE '' END);
    END LOOP;
    IF NOT has_share_col THEN
        node_cols := node_cols || format(E',\n    %I integer OPTIONS (meta ''share'')', share_col);
        coord_cols := coord_cols || format(E',\n    %I integer NOT NULL', share_col);
    END IF;

    opt_list := '';
    FOREACH o IN ARRAY coalesce(tabopts, '{}') LOOP
        opt_list := opt_list || format('%I %L, ', split_part(o, '=', 1), substr(o, strpos(o, '=') + 1));
    END LOOP;
    FOREACH o IN ARRAY coalesce(srvopts, '{}') LOOP
        srv_list := srv_list || CASE WHEN srv_list = '' THEN '' ELSE ', ' END ||
            format('%I %L', split_part(o, '=', 1), substr(o, strpos(o, '=') + 1));
    END LOOP;

    -- every node: the zfdw table of its share, and what it reads
    FOR i IN 1 .. nnodes LOOP
        node := servers[i];
        ddl := format(E'-- zfdw fan-out of %I.%I: share %s of %s, for node %I\n', nsp, rel, i - 1, nnodes, servers[i]) ||
            E'CREATE EXTENSION IF NOT EXISTS zfdw;\n' ||
            format(E'CREATE SERVER IF NOT EXISTS %I FOREIGN DATA WRAPPER zfdw%s;\n', srv,
                   CASE WHEN srv_list = '' THEN '' ELSE ' OPTIONS (' || srv_list || ')' END) ||
            format(E'CREATE SCHEMA IF NOT EXISTS %I;\n', nsp) ||
            format(E'CREATE FOREIGN TABLE %I.%I (\n    %s\n) SERVER %I\n  OPTIONS (%sshare_count %L, share_index %L);\n',
                   nsp, rel, node_cols, srv, opt_list, nnodes::text, (i - 1)::text) ||
            format(E'CREATE VIEW %I.%I AS SELECT * FROM zfdw.share_input(%L::regclass);\n',
                   nsp, rel || '_share_input', quote_ident(nsp) || '.' || quote_ident(rel));
        RETURN NEXT;
    END LOOP;

    -- the coordinator: a partition per node, and the settings
    node := NULL;
    ddl := format(E'-- zfdw fan-out of %I.%I over %s node%s: the coordinator\n', nsp, rel, nnodes,
                  CASE WHEN nnodes = 1 THEN '' ELSE 's' END) ||
        E'CREATE EXTENSION IF NOT EXISTS postgres_fdw;\n' ||
        format(E'CREATE SCHEMA IF NOT EXISTS %I;\n', coord_nsp) ||
        format(E'CREATE TABLE %I.%I (\n    %s\n) PARTITION BY LIST (%I);\n', coord_nsp, coord, coord_cols, share_col);
    FOR i IN 1 .. nnodes LOOP
        part := coord || '_' || servers[i];
        ddl := ddl ||
            format(E'CREATE FOREIGN TABLE %I.%I PARTITION OF %I.%I FOR VALUES IN (%s)\n  SERVER %I OPTIONS (schema_name %L, table_name %L, async_capable ''true'', fetch_size %L);\n',
                   coord_nsp, part, coord_nsp, coord, i - 1, servers[i], nsp, rel, fetch_size) ||
            format(E'CREATE FOREIGN TABLE %I.%I (share_count int, share_index int, input_files int, input_bytes bigint,\n    input_digest text, share_files int, first_record bigint, end_record bigint)\n  SERVER %I OPTIONS (schema_name %L, table_name %L);\n',
                   coord_nsp, part || '_input', servers[i], nsp, rel || '_share_input');
    END LOOP;
    ddl := ddl ||
        format(E'COMMENT ON TABLE %I.%I IS %L;\n', coord_nsp, coord,
               format('zfdw fan-out of %s.%s over %s node%s (plan_shards); check it with SELECT * FROM zfdw.check_shards(%L)',
                      quote_ident(nsp), quote_ident(rel), nnodes, CASE WHEN nnodes = 1 THEN '' ELSE 's' END, quote_ident(coord_nsp) || '.' || quote_ident(coord))) ||
        E'-- aggregates computed on the nodes (GROUP BY the share column), from now on in this database\n' ||
        E'DO $$ BEGIN EXECUTE format(''ALTER DATABASE %I SET enable_partitionwise_aggregate = on'', current_database()); END $$;\n' ||
        E'SET enable_partitionwise_aggregate = on;\n';
    RETURN NEXT;
END
$fn$;

COMMENT ON FUNCTION plan_shards(regclass, name[], jsonb) IS
'the DDL of a fan-out of a zfdw table over PostgreSQL nodes: for every node (a postgres_fdw server of this database) the zfdw table of its share, and for the coordinator (node NULL) a table partitioned by share of postgres_fdw partitions';

CREATE FUNCTION check_shards(parent regclass, count_rows boolean DEFAULT false)
RETURNS TABLE (node name, share int, share_count int, input_files int,
               input_bytes bigint, share_files int, first_record bigint,
               end_record bigint, rows bigint)
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    p record;
    r record;
    nparts int;
    first_node name;
    first_r record;
    got int;
    got2 int;
    msg text;
    share_col name;
BEGIN
    SELECT a.attname INTO share_col
      FROM pg_partitioned_table pt
      JOIN pg_attribute a ON a.attrelid = pt.partrelid AND a.attnum = pt.partattrs[0]
     WHERE pt.partrelid = parent AND pt.partstrat = 'l' AND pt.partnatts = 1;
    IF share_col IS NULL THEN
        RAISE EXCEPTION '"%" is not a table partitioned by list of one column', parent
            USING ERRCODE = 'wrong_object_type',
                  HINT = 'Give the coordinator''s table that plan_shards made.';
    END IF;
    SELECT count(*) INTO nparts FROM pg_inherits WHERE inhparent = parent;
    FOR p IN SELECT c.oid::regclass AS part, n.nspname, c.relname, s.srvname,
                    (regexp_match(pg_get_expr(c.relpartbound, c.oid), '^FOR VALUES IN \((\d+)\)$'))[1]::int AS k
               FROM pg_inherits i
               JOIN pg_class c ON c.oid = i.inhrelid
               JOIN pg_namespace n ON n.oid = c.relnamespace
               LEFT JOIN pg_foreign_table ft ON ft.ftrelid = c.oid
               LEFT JOIN pg_foreign_server s ON s.oid = ft.ftserver
              WHERE i.inhparent = parent
              ORDER BY 5 LOOP
        IF p.srvname IS NULL OR p.k IS NULL THEN
            RAISE EXCEPTION 'partition % of % is not a foreign table of one share', p.part, parent
                USING ERRCODE = 'wrong_object_type';
        END IF;
        node := p.srvname;
        share := p.k;
        BEGIN
            EXECUTE format('SELECT * FROM %I.%I', p.nspname, p.relname || '_input') INTO r;
        EXCEPTION WHEN OTHERS THEN
            GET STACKED DIAGNOSTICS msg = MESSAGE_TEXT;
            RAISE EXCEPTION 'node "%" (share % of %, partition %) does not answer: %',
                p.srvname, p.k, parent, p.part, msg
                USING ERRCODE = 'connection_failure',
                      HINT = 'Check that the node runs, that its zfdw table was made from plan_shards'' output, and the user mapping of the server.';
        END;
        IF r.share_index IS DISTINCT FROM p.k OR r.share_count IS DISTINCT FROM nparts THEN
            RAISE EXCEPTION 'node "%" reads share % of %, but its partition % is for share % of %',
                p.srvname, r.share_index, r.share_count, p.part, p.k, nparts
                USING ERRCODE = 'invalid_parameter_value',
                      HINT = 'Run the DDL plan_shards made for this node on it.';
        END IF;
        IF first_r IS NULL THEN
            first_r := r;
            first_node := p.srvname;
        ELSIF r.input_digest IS DISTINCT FROM first_r.input_digest THEN
            RAISE EXCEPTION 'node "%" sees another input than node "%"', p.srvname, first_node
                USING ERRCODE = 'data_exception',
                      DETAIL = format('Node "%s": %s files, %s bytes; node "%s": %s files, %s bytes (or the files'' names or sizes differ).',
                                      p.srvname, r.input_files, r.input_bytes,
                                      first_node, first_r.input_files, first_r.input_bytes),
                      HINT = 'Every node must see the same files at the same path, or its share is not the one planned.';
        END IF;
        share_count := r.share_count;
        input_files := r.input_files;
        input_bytes := r.input_bytes;
        share_files := r.share_files;
        first_record := r.first_record;
        end_record := r.end_record;
        rows := NULL;
        BEGIN
            IF count_rows THEN
                EXECUTE format('SELECT max(%1$I), min(%1$I), sum(n)::bigint FROM (SELECT %1$I, count(*) n FROM %2$s GROUP BY %1$I) g',
                               share_col, p.part) INTO got, got2, rows;
            ELSE
                EXECUTE format('SELECT %I FROM %s LIMIT 1', share_col, p.part) INTO got;
            END IF;
        EXCEPTION WHEN OTHERS THEN
            GET STACKED DIAGNOSTICS msg = MESSAGE_TEXT;
            RAISE EXCEPTION 'node "%" (share % of %, partition %) fails to read its share: %',
                p.srvname, p.k, parent, p.part, msg
                USING ERRCODE = 'connection_failure';
        END;
        IF (got IS NOT NULL AND got <> p.k) OR (got2 IS NOT NULL AND got2 <> p.k) THEN
            RAISE EXCEPTION 'partition % returns rows of share %, not %', p.part,
                CASE WHEN got <> p.k THEN got ELSE got2 END, p.k
                USING ERRCODE = 'data_exception';
        END IF;
        RETURN NEXT;
    END LOOP;
    IF first_r IS NULL THEN
        RAISE EXCEPTION '"%" has no partitions', parent USING ERRCODE = 'wrong_object_type';
    END IF;
END
$fn$;

COMMENT ON FUNCTION check_shards(regclass, boolean) IS
'on the coordinator of a fan-out (plan_shards): every node answers, reads the share its partition is for, and sees the same input as the others; with count_rows, each share''s rows are counted';
