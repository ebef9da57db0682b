/*-------------------------------------------------------------------------
 *
 * diag.h
 *	  Diagnostics of the fdw: the plausibility checks at the start of a
 *	  scan, the hints of data errors ordered by likelihood, and
 *	  zfdw.guess_codepage().
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZFDW_DIAG_H
#define ZFDW_DIAG_H

#include "zfdw.h"

/* settings (zfdw.c) */
extern bool zfdw_plausibility_checks;
extern bool zfdw_check_codepage;

/* validate the accept option: known check names, comma-separated */
extern void zfdw_check_accept(DefElem *def);

/*
 * Compare the table's options with the first bytes of its first file and
 * report what does not fit (ERROR or WARNING, see core's plausible.h).
 * files: the scan's files (char * paths); NIL or a program: nothing to do.
 */
extern void zfdw_check_plausible(ZfTable *t, List *files);

/*
 * The hint of a data error at ERROR level: the likely cause of this kind
 * of error first, the core's own hint, inspect_file, on_error last.
 */
extern void zfdw_data_error_hint(StringInfo hint, const ZfTable *t,
								 const ZfRecordRef *rec, const ZfColumn *col,
								 const zf_error *err, uint32 field_offset,
								 uint32 field_length);

/*
 * progress.c: the slots behind the view zfdw.progress.  begin returns a
 * slot number (-1 when none is free; update and end accept it).
 */
typedef enum ZfProgressKind
{
	ZF_PROGRESS_SCAN = 0,
	ZF_PROGRESS_APPLY,
	ZF_PROGRESS_WRITE
} ZfProgressKind;

extern void zfdw_progress_init(void);
extern int	zfdw_progress_begin(ZfProgressKind kind, Oid relid, const char *file,
								int64 bytes_total);
extern void zfdw_progress_update(int slot, const char *file, int64 bytes_done,
								 int64 records);
extern void zfdw_progress_end(int slot);

#endif							/* ZFDW_DIAG_H */
