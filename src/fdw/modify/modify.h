/*-------------------------------------------------------------------------
 *
 * modify.h
 *	  Writing zfdw foreign tables: INSERT and COPY FROM.
 *
 * modify.c holds the executor callbacks; modify_encode.c turns a row into
 * the bytes of one record through the table's layout; modify_file.c makes
 * the file change with the transaction (a new file beside the target,
 * renamed over it at commit); modify_s3.c does it for s3:// objects (an
 * upload completed at commit).
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZFDW_MODIFY_H
#define ZFDW_MODIFY_H

#include "zfdw.h"

#include "access/tupdesc.h"
#include "commands/explain.h"
#include "io/byte_sink.h"
#include "nodes/execnodes.h"
#include "nodes/pathnodes.h"
#include "nodes/plannodes.h"

/* ---- the file of a transaction's writes (modify_file.c) ---- */

typedef struct ZfPendingWrite ZfPendingWrite;

/*
 * The pending write of path in this transaction, started on first use:
 * the writers of the path serialized by a lock held to the end of the
 * transaction, a temporary file beside it holding the file's present
 * content, renamed over it at commit.  Returns its sink, positioned at
 * the end.
 */
extern ZfPendingWrite *zfdw_write_begin(const char *path);

/*
 * The same for a table's file, which may be an s3:// object reached
 * through the table's server (modify_s3.c): the object is replaced at
 * commit by a multipart upload, or left as it was.
 */
extern ZfPendingWrite *zfdw_write_begin_server(Oid serverid, const char *path);
extern zf_byte_sink *zfdw_write_sink(ZfPendingWrite *pw);

/*
 * The same for a file written anew rather than appended to: the new
 * version starts empty.  A path already written in this transaction is
 * refused.
 */
extern ZfPendingWrite *zfdw_write_begin_replace(const char *path);

/* The temporary file's name for a target path (palloc'd). */
extern char *zfdw_write_temp_name(const char *path);

/* ---- objects written (modify_s3.c) ---- */

extern int	zfdw_s3_part_size_kb;

/* The sink of an object, holding its present content; *copied its bytes. */
extern zf_byte_sink *zfdw_s3_write_open(Oid serverid, const char *url,
										uint64 *copied);

/* Complete the object (an upload, or one PutObject); ereports failure. */
extern void zfdw_s3_write_finish(zf_byte_sink *sink);

/* Close the sink, aborting its upload; a failure is only a WARNING. */
extern void zfdw_s3_write_discard(zf_byte_sink *sink, const char *url);

/* ---- encoding rows (modify_encode.c) ---- */

typedef struct ZfRowEncoder ZfRowEncoder;

/* Prepare the encoding of rows of table t; refuses what cannot be written. */
extern ZfRowEncoder *zfdw_encoder_create(ZfTable *t);

/*
 * Encode one row (values and nulls of the table's tuple descriptor) into
 * a record; *rec and *len point into the encoder's buffer.  row is the
 * 1-based row number, for messages.  ereports a value that does not fit.
 */
extern void zfdw_encode_row(ZfRowEncoder *e, Datum *values, bool *nulls,
							uint64 row, const uint8 **rec, uint32 *len);

/* ---- the FDW callbacks (modify.c) ---- */

extern int	zfdwIsForeignRelUpdatable(Relation rel);
extern List *zfdwPlanForeignModify(PlannerInfo *root, ModifyTable *plan,
								   Index resultRelation, int subplan_index);
extern void zfdwBeginForeignModify(ModifyTableState *mtstate,
								   ResultRelInfo *rinfo, List *fdw_private,
								   int subplan_index, int eflags);
extern void zfdwBeginForeignInsert(ModifyTableState *mtstate,
								   ResultRelInfo *rinfo);
extern TupleTableSlot *zfdwExecForeignInsert(EState *estate,
											 ResultRelInfo *rinfo,
											 TupleTableSlot *slot,
											 TupleTableSlot *planSlot);
extern void zfdwEndForeignModify(EState *estate, ResultRelInfo *rinfo);
extern void zfdwEndForeignInsert(EState *estate, ResultRelInfo *rinfo);
extern void zfdwExplainForeignModify(ModifyTableState *mtstate,
									 ResultRelInfo *rinfo, List *fdw_private,
									 int subplan_index, ExplainState *es);

#endif							/* ZFDW_MODIFY_H */
