-- The extension installs its wrapper and schema.
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/helpers.psql
SELECT fdwname, fdwhandler::regproc, fdwvalidator::regproc
  FROM pg_foreign_data_wrapper WHERE fdwname = 'zfdw';
SELECT nspname FROM pg_namespace WHERE nspname = 'zfdw';
