/*-------------------------------------------------------------------------
 *
 * compiler.h
 *	  Compiler attributes the core uses, spelled once.
 *
 * The core cannot use PostgreSQL's c.h, so the few attributes it needs
 * are defined here for gcc and clang, with a harmless fallback elsewhere.
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZF_COMPILER_H
#define ZF_COMPILER_H

/*
 * A case that falls through to the next on purpose.  An attribute, not a
 * comment: PostgreSQL 19 compiles with -Wimplicit-fallthrough=5, which
 * counts only the attribute.
 */
#if defined(__has_attribute)
#if __has_attribute(fallthrough)
#define ZF_FALLTHROUGH __attribute__((fallthrough))
#endif
#endif
#ifndef ZF_FALLTHROUGH
#define ZF_FALLTHROUGH ((void) 0)
#endif

#endif							/* ZF_COMPILER_H */
