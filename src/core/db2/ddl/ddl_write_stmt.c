/*-------------------------------------------------------------------------
 *
 * ddl_write_stmt.c
 *	  The PostgreSQL writer for DB2 statements other than CREATE TABLE:
 *	  indexes, views, aliases, sequences, distinct types, ALTER TABLE,
 *	  COMMENT/LABEL ON, DROP, RENAME, and the notes for statements that
 *	  have no PostgreSQL counterpart.
 *
 *-------------------------------------------------------------------------
 */
#include "db2/ddl/ddl_write.h"

#include <stdio.h>
#include <string.h>

/* ---------------------------------------------------------------------
 * Statements other than CREATE TABLE
 * ---------------------------------------------------------------------
 */

/* Notes for an index's dropped clauses. */
static void
index_clause_notes(ddl_writer *w, const ddl_index *ix)
{
	ddl_buf		plain;

	zf_ddl_buf_init(&plain, 1 << 20);
	if (ix->type_text)
		zf_ddl_buf_puts(&plain, ix->type_text);
	for (int i = 0; i < ix->clauses.n; i++)
	{
		const ddl_clause *c = &ix->clauses.items[i];

		if (c->unknown)
			zf_ddlw_note(w, "unknown clause skipped: %s", c->text);
		else if (c->advice)
			zf_ddlw_note(w, "%s dropped: %s", c->text, c->advice);
		else
		{
			if (plain.len > 0)
				zf_ddl_buf_puts(&plain, ", ");
			zf_ddl_buf_puts(&plain, c->text);
		}
	}
	if (ix->partitioned)
	{
		if (plain.len > 0)
			zf_ddl_buf_puts(&plain, ", ");
		zf_ddl_buf_puts(&plain, "PARTITIONED");
	}
	if (plain.len > 0)
		zf_ddlw_note(w, "DB2 index storage clauses dropped (no PostgreSQL counterpart): %s", plain.data);
	if (ix->index_parts.end > ix->index_parts.first)
	{
		ddl_buf		text;

		zf_ddl_buf_init(&text, 1 << 20);
		zf_ddlw_range_source(w, &text, ix->index_parts.first, ix->index_parts.end);
		zf_ddlw_note(w, "index-controlled partitioning dropped (the PostgreSQL table is not partitioned): %.300s%s",
			   text.data ? text.data : "", text.len > 300 ? "..." : "");
		zf_ddl_buf_free(&text);
	}
	zf_ddl_buf_free(&plain);
}

/* Are the index keys exactly these columns, in this order? */
bool
zf_ddlw_same_columns(const ddl_index *ix, int n, const char *const *cols)
{
	if (ix->nkeys != n || ix->ninclude > 0 || ix->exclude_null_keys)
		return false;
	for (int i = 0; i < n; i++)
		if (ix->keys[i].col == NULL || strcmp(ix->keys[i].col, cols[i]) != 0)
			return false;
	return true;
}

/* CREATE INDEX: skipped when a key already provides it, else written with DB2's NULL semantics. */
static void
write_index(ddl_writer *w, const ddl_index *ix)
{
	const char *table_qn = zf_ddlw_table_qname(w, &ix->table);
	wobj	   *to = zf_ddlw_obj(w, table_qn);
	const char *tschema = zf_ddlw_schema_for(w, ix->table.qual);
	const char *ixname = zf_ddlw_ident(w, ix->name.name);
	const char *ix_qn;
	const char *key = zf_ddlw_db2_key(w, &ix->name);
	ddl_buf		stmt;
	bool		nullable = false;

	if (ix->name.qual != NULL)
	{
		const char *ischema = zf_ddlw_schema_for(w, ix->name.qual);

		if (ischema != NULL && (tschema == NULL || strcmp(ischema, tschema) != 0))
			zf_ddlw_note(w, "index qualifier %s dropped: PostgreSQL keeps an index in its table's schema",
				   ix->name.qual);
	}
	if (ix->aux)
	{
		zf_ddlw_note(w, "index on an auxiliary (LOB) table dropped: PostgreSQL needs none");
		return;
	}
	{
		bool		xml = ix->xml_pattern;

		for (int i = 0; i < ix->nkeys && !xml; i++)
		{
			const ddl_column *c = ix->keys[i].col ? zf_ddlw_find_column(w, to, ix->keys[i].col) : NULL;

			xml = c != NULL && c->pub.type == ZF_DB2_XML;
		}
		if (xml)
		{
			zf_ddlw_note(w, "XML index dropped: PostgreSQL has no B-tree index on xml; index an expression such as (xpath(...)) by hand if needed");
			return;
		}
	}

	/* the index DB2 needed to enforce the primary key or a unique constraint */
	if (ix->unique && to != NULL && to->npk > 0 && zf_ddlw_same_columns(ix, to->npk, to->pk_cols))
	{
		zf_ddlw_note(w, "skipped: the primary key %s%sof %s already provides this unique index",
			   to->pk_name ? to->pk_name : "", to->pk_name ? " " : "", table_qn);
		if (to->pk_name)
			zf_ddl_map_put(&w->indexes, key, (void *) zf_ddlw_qname_in(w, tschema, to->pk_name));
		if (ix->cluster)
			zf_ddlw_note(w, "CLUSTER: to order the table the same way, run CLUSTER %s USING %s after loading",
				   table_qn, to->pk_name ? to->pk_name : "<its primary key index>");
		index_clause_notes(w, ix);
		return;
	}
	for (int i = 0; ix->unique && to != NULL && i < to->nuniq; i++)
	{
		if (zf_ddlw_same_columns(ix, to->uniq[i]->ncols, to->uniq[i]->cols))
		{
			zf_ddlw_note(w, "skipped: a unique constraint of %s already provides this unique index", table_qn);
			if (ix->cluster)
				zf_ddlw_note(w, "CLUSTER: to order the table the same way, run CLUSTER %s USING %s after loading",
					   table_qn, to->uniq[i]->name ? zf_ddlw_ident(w, to->uniq[i]->name) : zf_ddlw_ident(w, ix->name.name));
			index_clause_notes(w, ix);
			return;
		}
	}

	/* PostgreSQL indexes share the namespace of tables */
	ix_qn = zf_ddlw_qname_in(w, tschema, ixname);
	if (zf_ddlw_obj(w, ix_qn) != NULL)
	{
		char		alt[DDL_MAX_NAME + 16];

		for (int n = 1; n < 100; n++)
		{
			snprintf(alt, sizeof(alt), n == 1 ? "%s_IDX" : "%s_IDX%d", ix->name.name, n);
			ixname = zf_ddlw_ident(w, alt);
			ix_qn = zf_ddlw_qname_in(w, tschema, ixname);
			if (zf_ddlw_obj(w, ix_qn) == NULL)
				break;
		}
		zf_ddlw_note(w, "index renamed %s: its DB2 name is taken by another relation in the schema", ixname);
	}
	if (!zf_ddl_map_put(&w->indexes, key, (void *) ix_qn))
		w->oom = true;

	zf_ddl_buf_init(&stmt, 1 << 28);
	zf_ddl_buf_printf(&stmt, "CREATE %sINDEX %s ON %s (", ix->unique ? "UNIQUE " : "", ixname, table_qn);
	for (int i = 0; i < ix->nkeys; i++)
	{
		const ddl_index_key *k = &ix->keys[i];

		if (i > 0)
			zf_ddl_buf_puts(&stmt, ", ");
		if (k->col != NULL)
		{
			const ddl_column *c = zf_ddlw_find_column(w, to, k->col);

			zf_ddl_buf_puts(&stmt, zf_ddlw_ident(w, k->col));
			if (c == NULL || !c->pub.not_null)
				nullable = true;
		}
		else
		{
			zf_ddl_buf_putc(&stmt, '(');
			zf_ddlw_expr(w, &stmt, k->expr.first, k->expr.end, NULL, false);
			zf_ddl_buf_putc(&stmt, ')');
			nullable = true;
		}
		if (k->desc)
			zf_ddl_buf_puts(&stmt, " DESC");
		if (k->random)
			zf_ddlw_note(w, "RANDOM key order of %s dropped: the index is ascending", k->col ? k->col : "an expression");
	}
	zf_ddl_buf_putc(&stmt, ')');
	if (ix->ninclude > 0)
	{
		zf_ddl_buf_puts(&stmt, " INCLUDE (");
		for (int i = 0; i < ix->ninclude; i++)
			zf_ddl_buf_printf(&stmt, "%s%s", i ? ", " : "", zf_ddlw_ident(w, ix->include[i]));
		zf_ddl_buf_putc(&stmt, ')');
	}
	if (ix->unique && !ix->where_not_null && nullable)
	{
		if (w->o->unique_nulls_not_distinct)
		{
			zf_ddl_buf_puts(&stmt, " NULLS NOT DISTINCT");
			zf_ddlw_note(w, "UNIQUE index written with NULLS NOT DISTINCT: DB2 treats NULLs as equal in a unique index");
		}
		else
			zf_ddlw_note(w, "UNIQUE index: PostgreSQL lets several rows have NULL in the key, DB2 allows only one (option unique_nulls_not_distinct is off)");
	}
	if (ix->where_not_null)
		zf_ddlw_note(w, "UNIQUE WHERE NOT NULL written as a plain unique index: PostgreSQL does not compare keys that contain NULL, which is DB2's WHERE NOT NULL");
	if (ix->exclude_null_keys && ix->nkeys > 0)
	{
		zf_ddl_buf_puts(&stmt, " WHERE ");
		for (int i = 0; i < ix->nkeys; i++)
		{
			if (i > 0)
				zf_ddl_buf_puts(&stmt, " OR ");
			if (ix->keys[i].col != NULL)
				zf_ddl_buf_puts(&stmt, zf_ddlw_ident(w, ix->keys[i].col));
			else
			{
				zf_ddl_buf_putc(&stmt, '(');
				zf_ddlw_expr(w, &stmt, ix->keys[i].expr.first, ix->keys[i].expr.end, NULL, false);
				zf_ddl_buf_putc(&stmt, ')');
			}
			zf_ddl_buf_puts(&stmt, " IS NOT NULL");
		}
		zf_ddlw_note(w, "EXCLUDE NULL KEYS written as a partial index on rows whose key is not entirely NULL");
	}
	zf_ddl_buf_puts(&stmt, ";\n");
	if (ix->without_overlaps)
		zf_ddlw_note(w, "BUSINESS_TIME WITHOUT OVERLAPS dropped");
	if (ix->cluster)
		zf_ddlw_note(w, "CLUSTER: to order the table by this index, run CLUSTER %s USING %s after loading",
			   table_qn, ixname);
	index_clause_notes(w, ix);

	if (to != NULL && to->kind == 'g')
	{
		wrefs		missing;

		memset(&missing, 0, sizeof(missing));
		zf_ddlw_refs_add(w, &missing, table_qn);
		zf_ddlw_guarded(w, &w->sql, &missing, stmt.data ? stmt.data : "", ix_qn);
	}
	else
		zf_ddl_buf_puts(&w->sql, stmt.data ? stmt.data : "");
	if (stmt.failed)
		w->oom = true;
	zf_ddl_buf_free(&stmt);
	zf_ddlw_add_obj(w, ix_qn, 'i');
	if (ix->unique && to != NULL)
	{
		windex	   *wi = zf_arena_push(w->arena, (void **) &to->indexes, &to->nindexes,
									&to->capindexes, sizeof(windex));

		if (wi == NULL)
			return;
		wi->ix = ix;
		wi->name = ixname;
		wi->usable = !ix->where_not_null && !ix->exclude_null_keys && !nullable;
		for (int i = 0; i < ix->nkeys; i++)
			if (ix->keys[i].desc || ix->keys[i].col == NULL)
				wi->usable = false;
	}
}

/* CREATE VIEW, guarded when it reads relations the script has not created. */
static void
write_view(ddl_writer *w, const ddl_view *v)
{
	const char *qn = zf_ddlw_qname(w, &v->name);
	ddl_buf		stmt;
	wrefs		refs;
	char		kind;

	memset(&refs, 0, sizeof(refs));
	zf_ddlw_create_schema(w, zf_ddlw_schema_for(w, v->name.qual));
	zf_ddl_buf_init(&stmt, 1 << 28);
	zf_ddl_buf_printf(&stmt, "CREATE VIEW %s", qn);
	if (v->ncols > 0)
	{
		zf_ddl_buf_puts(&stmt, " (");
		for (int i = 0; i < v->ncols; i++)
			zf_ddl_buf_printf(&stmt, "%s%s", i ? ", " : "", zf_ddlw_ident(w, v->cols[i]));
		zf_ddl_buf_putc(&stmt, ')');
	}
	zf_ddl_buf_puts(&stmt, " AS\n");
	zf_ddlw_expr(w, &stmt, v->body.first, v->body.end, &refs, true);
	if (v->check_option)
		zf_ddl_buf_printf(&stmt, "\nWITH %s CHECK OPTION", v->check_option);
	zf_ddl_buf_puts(&stmt, ";\n");
	if (stmt.failed)
		w->oom = true;
	kind = zf_ddlw_emit_with_refs(w, &refs, stmt.data ? stmt.data : "", qn, 'v');
	if (kind)
		zf_ddlw_add_obj(w, qn, kind);
	zf_ddl_buf_free(&stmt);
}

/* CREATE ALIAS / SYNONYM as a view over its table. */
static void
write_alias(ddl_writer *w, const ddl_alias *a)
{
	const char *qn;
	const char *target;
	ddl_buf		stmt;
	wrefs		refs;
	char		kind;

	if (a->target.loc != NULL)
	{
		zf_ddlw_note(w, "alias for the remote table %s.%s.%s dropped: use postgres_fdw or another foreign-data wrapper for remote tables",
			   a->target.loc, a->target.qual ? a->target.qual : "", a->target.name);
		return;
	}
	if (a->sequence)
	{
		zf_ddlw_note(w, "alias for a sequence dropped: PostgreSQL has no sequence aliases; use the sequence's name");
		return;
	}
	qn = zf_ddlw_qname(w, &a->name);
	target = zf_ddlw_qname(w, &a->target);
	memset(&refs, 0, sizeof(refs));
	zf_ddlw_refs_add(w, &refs, target);
	zf_ddlw_create_schema(w, zf_ddlw_schema_for(w, a->name.qual));
	zf_ddl_buf_init(&stmt, 1 << 20);
	zf_ddl_buf_printf(&stmt, "CREATE VIEW %s AS SELECT * FROM %s;\n", qn, target);
	zf_ddlw_note(w, "%s written as a view over %s (PostgreSQL has no aliases; a simple view can be queried and updated the same way)",
		   a->synonym ? "synonym" : "alias", target);
	kind = zf_ddlw_emit_with_refs(w, &refs, stmt.data ? stmt.data : "", qn, 'v');
	if (kind)
		zf_ddlw_add_obj(w, qn, kind);
	if (!zf_ddl_map_put(&w->aliases, qn, (void *) target))
		w->oom = true;
	zf_ddl_buf_free(&stmt);
}

/* CREATE SEQUENCE, AS integer unless DB2 said otherwise. */
static void
write_sequence(ddl_writer *w, const ddl_sequence *sq)
{
	const char *qn = zf_ddlw_qname(w, &sq->name);
	ddl_buf		opts;

	zf_ddlw_create_schema(w, zf_ddlw_schema_for(w, sq->name.qual));
	zf_ddl_buf_printf(&w->sql, "CREATE SEQUENCE %s AS ", qn);
	if (sq->has_type)
	{
		ddl_column	c = sq->as_type;

		c.pub.name = sq->name.name;
		zf_ddlw_type(w, &w->sql, &c, true);
	}
	else
	{
		zf_ddl_buf_puts(&w->sql, "integer");
		zf_ddlw_note(w, "a DB2 sequence is AS INTEGER unless it says otherwise: written AS integer");
	}
	zf_ddl_buf_init(&opts, 4096);
	zf_ddlw_seq_options(w, &opts, &sq->seq, sq->name.name);
	if (opts.len > 0)
		zf_ddl_buf_printf(&w->sql, " %s", opts.data);
	zf_ddl_buf_free(&opts);
	zf_ddl_buf_puts(&w->sql, ";\n");
	for (int i = 0; i < sq->clauses.n; i++)
		zf_ddlw_note(w, "unknown clause skipped: %s", sq->clauses.items[i].text);
	zf_ddlw_add_obj(w, qn, 's');
}

/* CREATE [DISTINCT] TYPE as a domain. */
static void
write_dtype(ddl_writer *w, const ddl_dtype *dt)
{
	const char *qn = zf_ddlw_qname(w, &dt->name);
	ddl_column	base = dt->base;

	base.pub.name = dt->name.name;
	zf_ddlw_create_schema(w, zf_ddlw_schema_for(w, dt->name.qual));
	zf_ddl_buf_printf(&w->sql, "CREATE DOMAIN %s AS ", qn);
	zf_ddlw_type(w, &w->sql, &base, false);
	zf_ddl_buf_puts(&w->sql, ";\n");
	zf_ddlw_note(w, "distinct type written as a domain (values of the domain and its base type compare without casts)");
	for (int i = 0; i < dt->clauses.n; i++)
		zf_ddlw_note(w, "unknown clause skipped: %s", dt->clauses.items[i].text);
	zf_ddlw_add_obj(w, qn, 'd');
}

/* PostgreSQL's name for an unnamed primary key: <table>_pkey. */
static const char *
default_pk_name(ddl_writer *w, const char *db2table)
{
	char		buf[DDL_MAX_NAME + 8];
	size_t		n = strlen(db2table);

	if (n > 58)
	{
		n = 58;
		while (n > 0 && ((unsigned char) db2table[n] & 0xC0) == 0x80)
			n--;
	}
	snprintf(buf, sizeof(buf), "%.*s_PKEY", (int) n, db2table);
	return zf_ddlw_ident(w, buf);
}

/* ALTER TABLE: one PostgreSQL ALTER TABLE per action that has a counterpart. */
static void
write_alter(ddl_writer *w, const ddl_alter *al)
{
	const char *qn = zf_ddlw_table_qname(w, &al->table);
	wobj	   *to = zf_ddlw_obj(w, qn);
	ddl_buf		deferred;

	zf_ddl_buf_init(&deferred, 1 << 28);
	for (int i = 0; i < al->nactions; i++)
	{
		const ddl_alter_action *a = &al->actions[i];
		const ddl_column *col;

		switch (a->kind)
		{
			case AL_ADD_COLUMN:
				zf_ddl_buf_printf(&w->sql, "ALTER TABLE %s ADD COLUMN ", qn);
				zf_ddlw_column_def(w, &w->sql, a->column, qn, NULL, &deferred);
				zf_ddl_buf_puts(&w->sql, ";\n");
				if (to != NULL)
				{
					const ddl_column **slot = zf_arena_push(w->arena, (void **) &to->extra, &to->nextra,
														 &to->capextra, sizeof(ddl_column *));

					if (slot != NULL)
						*slot = a->column;
				}
				break;
			case AL_ADD_CONSTRAINT:
				{
					ddl_buf		con;
					const char *pkname = NULL;

					if (a->con->kind == CON_PK && a->con->name == NULL)
					{
						const ddl_index *ix = zf_ddl_map_get(&w->pk_index, qn);

						if (ix != NULL && (pkname = zf_ddlw_index_name_free(w, qn, ix->name.name)) != NULL)
							zf_ddlw_note(w, "primary key constraint named %s after DB2's unique index %s, which enforced it",
								   pkname, ix->name.name);
					}
					if (a->con->kind == CON_PK && to != NULL)
					{
						to->npk = a->con->ncols;
						to->pk_cols = a->con->cols;
						to->pk_name = a->con->name ? zf_ddlw_ident(w, a->con->name) : pkname;
					}
					/* a key DB2 built on a unique index created above: use it */
					if ((a->con->kind == CON_PK || a->con->kind == CON_UNIQUE) &&
						a->con->name == NULL && to != NULL)
					{
						const windex *use = NULL;

						for (int k = 0; k < to->nindexes && use == NULL; k++)
							if (zf_ddlw_same_columns(to->indexes[k].ix, a->con->ncols, a->con->cols))
								use = &to->indexes[k];
						if (use != NULL && use->usable)
						{
							zf_ddl_buf_printf(&w->sql, "ALTER TABLE %s ADD CONSTRAINT %s %s USING INDEX %s;\n",
										   qn, use->name,
										   a->con->kind == CON_PK ? "PRIMARY KEY" : "UNIQUE", use->name);
							zf_ddlw_note(w, "the key uses the unique index %s created above, as in DB2", use->name);
							if (a->con->kind == CON_PK)
								to->pk_name = use->name;
							break;
						}
						if (use != NULL)
							zf_ddlw_note(w, "the unique index %s created above has descending or nullable keys, so PostgreSQL builds a second index for the key: drop %s if it is no longer needed",
								   use->name, use->name);
					}
					zf_ddl_buf_init(&con, 1 << 24);
					zf_ddlw_constraint(w, &con, a->con, qn, pkname, false, &deferred);
					if (con.len > 0)
						zf_ddl_buf_printf(&w->sql, "ALTER TABLE %s ADD%s;\n", qn, con.data);
					zf_ddl_buf_free(&con);
					break;
				}
			case AL_SET_TYPE:
				if (to != NULL && to->has_views)
					zf_ddlw_note(w, "a view created earlier reads %s: PostgreSQL cannot change the type of a column a view uses, so drop and recreate the view around this statement",
						   qn);
				zf_ddl_buf_printf(&w->sql, "ALTER TABLE %s ALTER COLUMN %s TYPE ", qn, zf_ddlw_ident(w, a->colname));
				zf_ddlw_type(w, &w->sql, a->column, false);
				zf_ddl_buf_puts(&w->sql, ";\n");
				break;
			case AL_SET_DEFAULT:
				{
					ddl_buf		v;

					zf_ddl_buf_init(&v, 1 << 20);
					col = zf_ddlw_find_column(w, to, a->colname);
					if (col != NULL)
						zf_ddlw_default_value(w, &v, col, a->dflt.first, a->dflt.end);
					else
						zf_ddlw_expr(w, &v, a->dflt.first, a->dflt.end, NULL, false);
					if (v.len > 0)
						zf_ddl_buf_printf(&w->sql, "ALTER TABLE %s ALTER COLUMN %s SET DEFAULT %s;\n",
									   qn, zf_ddlw_ident(w, a->colname), v.data);
					zf_ddl_buf_free(&v);
					break;
				}
			case AL_DROP_DEFAULT:
				zf_ddl_buf_printf(&w->sql, "ALTER TABLE %s ALTER COLUMN %s DROP DEFAULT;\n",
							   qn, zf_ddlw_ident(w, a->colname));
				break;
			case AL_DROP_COLUMN:
				zf_ddl_buf_printf(&w->sql, "ALTER TABLE %s DROP COLUMN %s;\n", qn, zf_ddlw_ident(w, a->colname));
				break;
			case AL_DROP_CONSTRAINT:
				zf_ddl_buf_printf(&w->sql, "ALTER TABLE %s DROP CONSTRAINT %s;\n", qn, zf_ddlw_ident(w, a->conname));
				break;
			case AL_DROP_PK:
				{
					const char *pk = to && to->pk_name ? to->pk_name :
						default_pk_name(w, al->table.name);

					zf_ddl_buf_printf(&w->sql, "ALTER TABLE %s DROP CONSTRAINT %s;\n", qn, pk);
					if (!(to && to->pk_name))
						zf_ddlw_note(w, "DROP PRIMARY KEY written with PostgreSQL's default constraint name %s", pk);
					if (to != NULL)
					{
						to->npk = 0;
						to->pk_name = NULL;
					}
					break;
				}
			case AL_DROPPED:
				if (a->clause.unknown)
					zf_ddlw_note(w, "unknown clause skipped: %s", a->clause.text);
				else if (a->clause.advice)
					zf_ddlw_note(w, "%s dropped: %s", a->clause.text, a->clause.advice);
				else
					zf_ddlw_note(w, "%s dropped: no PostgreSQL counterpart", a->clause.text);
				break;
		}
	}
	if (deferred.len > 0)
		zf_ddl_buf_puts(&w->sql, deferred.data);
	if (deferred.failed)
		w->oom = true;
	zf_ddl_buf_free(&deferred);
}

/* The key of an object for the COMMENT-wins-over-LABEL rule. */
const char *
zf_ddlw_comment_key(ddl_writer *w, const char *qname, const char *column)
{
	size_t		n = strlen(qname) + (column ? strlen(column) : 0) + 3;
	char	   *k = zf_arena_alloc(w->arena, n);

	if (k == NULL)
	{
		w->oom = true;
		return "";
	}
	snprintf(k, n, "%s\001%s", qname, column ? column : "");
	return k;
}

/* COMMENT ON and LABEL ON as COMMENT ON (a COMMENT wins over a LABEL). */
static void
write_comment(ddl_writer *w, const ddl_comment *cm)
{
	const char *qn;
	const char *what = "TABLE";
	int			skipped = 0;

	if (cm->target == OBJ_OTHER)
	{
		zf_ddlw_note(w, "%s on %s %s dropped: PostgreSQL has no such object", cm->label ? "LABEL" : "COMMENT",
			   cm->target_word ? cm->target_word : "object",
			   cm->name.name ? cm->name.name : "");
		return;
	}
	if (cm->target == OBJ_INDEX)
	{
		const char *ix = zf_ddl_map_get(&w->indexes, zf_ddlw_db2_key(w, &cm->name));

		qn = ix ? ix : zf_ddlw_qname(w, &cm->name);
		what = "INDEX";
	}
	else
	{
		wobj	   *o;

		qn = cm->target == OBJ_ALIAS ? zf_ddlw_qname(w, &cm->name) : zf_ddlw_table_qname(w, &cm->name);
		o = zf_ddlw_obj(w, qn);
		if (cm->target == OBJ_SEQUENCE)
			what = "SEQUENCE";
		else if (cm->target == OBJ_TYPE)
			what = "DOMAIN";
		else if (cm->target == OBJ_ALIAS || (o && o->kind == 'v'))
			what = "VIEW";
		else if (o && o->kind == 'm')
			what = "MATERIALIZED VIEW";
	}
	for (int i = 0; i < cm->nitems; i++)
	{
		const ddl_comment_item *it = &cm->items[i];

		if (cm->label && zf_ddl_map_get(&w->commented, zf_ddlw_comment_key(w, qn, it->column)))
		{
			skipped++;
			continue;
		}
		if (it->column)
			zf_ddl_buf_printf(&w->sql, "COMMENT ON COLUMN %s.%s IS ", qn, zf_ddlw_ident(w, it->column));
		else
			zf_ddl_buf_printf(&w->sql, "COMMENT ON %s %s IS ", what, qn);
		zf_ddlw_literal(&w->sql, it->text);
		zf_ddl_buf_puts(&w->sql, ";\n");
	}
	if (cm->label && skipped < cm->nitems)
		zf_ddlw_note(w, "LABEL written as a COMMENT (PostgreSQL has one description per object)");
	if (skipped > 0)
		zf_ddlw_note(w, "%d label%s dropped: the script also has a COMMENT for the same object, which wins",
			   skipped, skipped > 1 ? "s" : "");
}

/* DROP ... IF EXISTS, so that the script runs on an empty database. */
static void
write_drop(ddl_writer *w, const ddl_drop *d)
{
	const char *qn;

	if (d->target == OBJ_INDEX)
	{
		const char *ix = zf_ddl_map_get(&w->indexes, zf_ddlw_db2_key(w, &d->name));

		qn = ix ? ix : zf_ddlw_qname(w, &d->name);
		zf_ddl_buf_printf(&w->sql, "DROP INDEX IF EXISTS %s;\n", qn);
		zf_ddl_map_put(&w->objects, qn, NULL);
		return;
	}
	qn = zf_ddlw_qname(w, &d->name);
	zf_ddl_map_put(&w->aliases, qn, NULL);
	switch (d->target)
	{
		case OBJ_TABLE:
			zf_ddl_buf_printf(&w->sql, "DROP TABLE IF EXISTS %s CASCADE;\n", qn);
			zf_ddlw_note(w, "IF EXISTS added so that the script runs on an empty database; CASCADE drops dependent views and foreign keys, as DB2 does");
			break;
		case OBJ_VIEW:
		case OBJ_ALIAS:
		case OBJ_SYNONYM:
			zf_ddl_buf_printf(&w->sql, "DROP VIEW IF EXISTS %s CASCADE;\n", qn);
			zf_ddlw_note(w, "IF EXISTS added so that the script runs on an empty database");
			break;
		case OBJ_SEQUENCE:
			zf_ddl_buf_printf(&w->sql, "DROP SEQUENCE IF EXISTS %s;\n", qn);
			break;
		case OBJ_TYPE:
			zf_ddl_buf_printf(&w->sql, "DROP DOMAIN IF EXISTS %s;\n", qn);
			break;
		default:
			break;
	}
	zf_ddl_map_put(&w->objects, qn, NULL);
}

/* RENAME as ALTER TABLE / ALTER INDEX ... RENAME TO. */
static void
write_rename(ddl_writer *w, const ddl_rename *r)
{
	if (r->target == OBJ_INDEX)
	{
		const char *ix = zf_ddl_map_get(&w->indexes, zf_ddlw_db2_key(w, &r->from));

		zf_ddl_buf_printf(&w->sql, "ALTER INDEX %s RENAME TO %s;\n",
					   ix ? ix : zf_ddlw_qname(w, &r->from), zf_ddlw_ident(w, r->to));
		return;
	}
	zf_ddl_buf_printf(&w->sql, "ALTER TABLE %s RENAME TO %s;\n", zf_ddlw_qname(w, &r->from),
				   zf_ddlw_ident(w, r->to));
}

/* One statement into w->sql and w->notes. */
void
zf_ddlw_statement(ddl_writer *w, const ddl_stmt *st)
{
	switch (st->kind)
	{
		case ST_CREATE_TABLE:
			zf_ddlw_create_table(w, st->u.table);
			break;
		case ST_CREATE_INDEX:
			write_index(w, st->u.index);
			break;
		case ST_CREATE_VIEW:
			write_view(w, st->u.view);
			break;
		case ST_CREATE_ALIAS:
			write_alias(w, st->u.alias);
			break;
		case ST_CREATE_SEQUENCE:
			write_sequence(w, st->u.sequence);
			break;
		case ST_CREATE_TYPE:
			write_dtype(w, st->u.dtype);
			break;
		case ST_ALTER_TABLE:
			write_alter(w, st->u.alter);
			break;
		case ST_COMMENT:
			write_comment(w, st->u.comment);
			break;
		case ST_DROP:
			write_drop(w, st->u.drop);
			break;
		case ST_RENAME:
			write_rename(w, st->u.rename);
			break;
		case ST_SET_SCHEMA:
			{
				const char *schema = st->u.schema ? zf_ddlw_schema_for(w, st->u.schema) :
					(w->o->schema ? zf_ddlw_pg_ident(w, w->o->schema) : NULL);

				if (schema)
					zf_ddlw_note(w, "the statements that follow create unqualified objects in schema %s", schema);
				else
					zf_ddlw_note(w, "the statements that follow create unqualified objects in the first schema of the search_path");
				break;
			}
		case ST_DROPPED:
			zf_ddlw_note(w, "%s dropped: %s", st->kind_text, st->reason);
			break;
		case ST_UNKNOWN:
			zf_ddlw_note(w, "%s", st->reason);
			break;
		case ST_ERROR:
			zf_ddlw_note(w, "not converted: %s", st->reason);
			break;
	}
}

