-- zfdw 1.0: the foreign-data wrapper itself.

\echo Use "CREATE EXTENSION zfdw" to load this file. \quit

CREATE FUNCTION zfdw_handler()
RETURNS fdw_handler
AS 'MODULE_PATHNAME'
LANGUAGE C STRICT;

CREATE FUNCTION zfdw_validator(text[], oid)
RETURNS void
AS 'MODULE_PATHNAME'
LANGUAGE C STRICT;

CREATE FOREIGN DATA WRAPPER zfdw
  HANDLER zfdw_handler
  VALIDATOR zfdw_validator;
