/*-------------------------------------------------------------------------
 *
 * punch_binding.c
 *	  What a DB2 UNLOAD punch says for a foreign table and its fields:
 *	  which INTO TABLE it reads, the code pages of its CCSIDs, the record
 *	  format UNLOAD wrote, and the scale of DECIMAL fields it leaves open.
 *
 * A CCSID that zfdw does not know is an error, never a guess; the table's
 * and the column's codepage options override what the punch says.
 *
 *-------------------------------------------------------------------------
 */
#include "zfdw.h"

#include "bind/binding_int.h"

/*
 * Look up a code page by the CCSID a punch gives for some data; an
 * unknown CCSID is an error, never a guess.
 */
static const zf_codepage *
punch_ccsid_page(ZfTable *t, int32 ccsid, const char *what)
{
	char		name[16];
	zf_error	err;
	const zf_codepage *cp;

	snprintf(name, sizeof(name), "%d", (int) ccsid);
	zf_error_clear(&err);
	cp = zf_codepage_lookup(name, &err);
	if (cp == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_FDW_INVALID_ATTRIBUTE_VALUE),
				 errmsg("the punch of foreign table \"%s\" says %s is in CCSID %d, which zfdw does not know",
						t->relname, what, (int) ccsid),
				 errhint("Give the code page with the codepage option of the table or of the column.")));
	return cp;
}

/*
 * What a punch says about the table as a whole: the code page of its data
 * (unless the table's own codepage option says otherwise), the record
 * format UNLOAD wrote, and the delimiters of FORMAT DELIMITED.
 */
void
zfdw_punch_table_defaults(ZfTable *t)
{
	const zf_recdef *rd = t->rd;

	if (!t->opts.codepage_given)
	{
		if (rd->unicode)
			t->cp = punch_ccsid_page(t, 1208, "its data");
		else if (rd->ccsid_sbcs != 0)
			t->cp = punch_ccsid_page(t, rd->ccsid_sbcs, "its single-byte data");
		else if (rd->ccsid_mixed != 0)
			t->cp = punch_ccsid_page(t, rd->ccsid_mixed, "its mixed data");
		t->cs = zf_codepage_charset(t->cp);
	}
	if (rd->float_format == ZF_FLOAT_IEEE)
		t->opts.float_format = ZF_FLOAT_IEEE;
	if (rd->is_delimited)
	{
		/* its COLDEL, CHARDEL and DECPT: zfdw_delim_punch_defaults */
		t->opts.format = ZF_FORMAT_DELIMITED;
		return;
	}
	if (!t->opts.recfm_given)
	{
		bool		sequential = false;

		/* UNLOAD writes SPANNED YES as VBS, unpadded (POSITION(*)) as VB */
		for (int32 c = t->layout->fields[rd->root].first_child; c >= 0;
			 c = t->layout->fields[c].next_sibling)
			if (!t->layout->fields[c].fixed_offset)
				sequential = true;
		if (rd->spanned)
		{
			t->opts.recfm = ZF_RECFM_VBS;
			t->opts.recfm_given = true;
		}
		else if (!rd->is_static && sequential)
		{
			t->opts.recfm = ZF_RECFM_VB;
			t->opts.recfm_given = true;
		}
	}
}

/*
 * The code page of one field of a punch: the CCSID the punch gives for
 * its kind of data (EBCDIC graphic data decodes through the mixed page);
 * UTF-16 (CCSID 1200) is decoded by the field's CCSID itself.
 */
static const zf_codepage *
punch_field_page(ZfTable *t, const zf_field *f)
{
	int32		ccsid = f->ccsid;

	if (t->opts.codepage_given || ccsid == 1200)
		return t->cp;
	if ((f->kind == ZF_KIND_DBCS || f->kind == ZF_KIND_VARGRAPHIC) && !t->rd->unicode)
		ccsid = t->rd->ccsid_mixed;
	if (ccsid == 0 || ccsid == t->rd->ccsid_sbcs || (t->rd->unicode && ccsid == 1208))
		return t->cp;
	return punch_ccsid_page(t, ccsid, psprintf("field %s", f->name));
}

/*
 * Give the table its own copy of the fields of a punch layout that leaves
 * the scale of some DECIMAL field open: binding completes those fields
 * from the columns' numeric(p,s) (zfdw_bind_punch_field), while the layout
 * itself is shared by the backend's scans and never written.  Every column
 * is bound to the copy, so all of the table's columns see the completed
 * fields, whatever their order.  Other layouts are used as they are.
 */
void
zfdw_punch_own_layout(ZfTable *t)
{
	const zf_layout *shared = t->layout;
	zf_layout  *own;
	bool		open_scale = false;

	for (int32 i = 0; i < shared->nfields && !open_scale; i++)
		open_scale = shared->fields[i].scale_unknown;
	if (!open_scale)
		return;
	own = palloc(sizeof(zf_layout));
	*own = *shared;
	own->fields = MemoryContextAllocHuge(CurrentMemoryContext,
										 sizeof(zf_field) * shared->nfields);
	memcpy(own->fields, shared->fields, sizeof(zf_field) * shared->nfields);
	own->mem = NULL;			/* never freed: the strings are the shared
								 * layout's, pinned as long as the table */
	t->layout = own;
}

/*
 * What a punch field needs beyond what copybook fields do: its own code
 * page (the punch's CCSID for its kind of data), and for a DECIMAL whose
 * scale the punch does not give (no DDL), the scale of the column's
 * numeric(p,s).
 */
void
zfdw_bind_punch_field(ZfTable *t, ZfColumn *col, const ZfColumnOptions *co)
{
	zf_field   *f = &t->layout->fields[col->field];

	if (co->codepage == NULL)
	{
		col->cp = punch_field_page(t, f);
		col->cs = zf_codepage_charset(col->cp);
	}
	if (f->scale_unknown && col->target == ZF_TARGET_NUMERIC && col->num_precision >= 0)
	{
		/* the table's own copy of the field: the typmod completes it */
		f->scale = (int16) col->num_scale;
		f->scale_unknown = false;
	}
}

/*
 * Which INTO TABLE of a punch a foreign table reads: the one named by the
 * table option ("NAME" or "CREATOR.NAME", case-insensitive), or the only
 * table of the punch.  Partition blocks of one table share its layout, so
 * the first block of the table is returned.
 */
int32
zfdw_punch_choose_table(const zf_layout *L, const char *table)
{
	int32		found = -1;
	StringInfoData names;

	initStringInfo(&names);
	for (int32 i = 0; i < L->nrecords; i++)
	{
		const zf_recdef *rd = &L->records[i];
		char	   *qualified = psprintf("%s.%s", rd->creator ? rd->creator : "", rd->table ? rd->table : "");
		bool		same_as_found = found >= 0 && rd->table && L->records[found].table &&
			strcmp(rd->table, L->records[found].table) == 0 &&
			strcmp(rd->creator ? rd->creator : "", L->records[found].creator ? L->records[found].creator : "") == 0;

		if (!same_as_found && strstr(names.data, qualified) == NULL)
			appendStringInfo(&names, "%s%s", names.len ? ", " : "", qualified);
		if (table == NULL)
		{
			if (found < 0)
				found = i;
			else if (!same_as_found)
				ereport(ERROR,
						(errcode(ERRCODE_FDW_DYNAMIC_PARAMETER_VALUE_NEEDED),
						 errmsg("the punch loads several tables: name one with the table option"),
						 errdetail("Tables: %s.", names.data)));
		}
		else if (found < 0 &&
				 ((rd->table && pg_strcasecmp(table, rd->table) == 0) ||
				  pg_strcasecmp(table, qualified) == 0))
			found = i;
	}
	if (found < 0)
		ereport(ERROR,
				(errcode(ERRCODE_FDW_INVALID_ATTRIBUTE_VALUE),
				 errmsg("the punch loads no table \"%s\"", table ? table : ""),
				 errdetail("Tables: %s.", names.data)));
	return found;
}
