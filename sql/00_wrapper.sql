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

-- Everyone may use the functions of the extension's schema (the decoders,
-- DDL conversion, apply_changes runs with the caller's own rights); what
-- reads server files checks pg_read_server_files itself.
GRANT USAGE ON SCHEMA @extschema@ TO PUBLIC;

CREATE FOREIGN DATA WRAPPER zfdw
  HANDLER zfdw_handler
  VALIDATOR zfdw_validator;
