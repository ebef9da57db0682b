-- The extension installs its wrapper and schema.
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/helpers.psql
SELECT fdwname, fdwhandler::regproc, fdwvalidator::regproc
  FROM pg_foreign_data_wrapper WHERE fdwname = 'zfdw';
SELECT nspname FROM pg_namespace WHERE nspname = 'zfdw';
-- Every object of the extension says what it is (\dx+, \df+ show it);
-- this lists those that do not.
SELECT pg_describe_object(d.classid, d.objid, 0) AS undescribed
  FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid
 WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
   AND e.extname = 'zfdw'
   AND obj_description(d.objid, d.classid::regclass::name) IS NULL
   -- the row types of tables and views, and array types (members on 17+)
   AND NOT EXISTS (SELECT 1 FROM pg_type t
                    WHERE d.classid = 'pg_type'::regclass AND t.oid = d.objid
                      AND (t.typrelid <> 0 OR t.typelem <> 0))
 ORDER BY 1;
