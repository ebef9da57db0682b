-- The extension installs its wrapper and schema.
CREATE EXTENSION IF NOT EXISTS zfdw;
SELECT fdwname, fdwhandler::regproc, fdwvalidator::regproc
  FROM pg_foreign_data_wrapper WHERE fdwname = 'zfdw';
SELECT nspname FROM pg_namespace WHERE nspname = 'zfdw';
