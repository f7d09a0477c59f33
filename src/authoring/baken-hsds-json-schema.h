/* baken-hsds-json-schema.h: the JSON Schemas of HSDS 3.0's objects
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * From the core GResource (/nl/baken/authoring/hsds/json-schema/, © Open Referral,
 * CC BY-SA 4.0): which members an object of each resource has, and which of them nest
 * other objects (a list of phones, one organization).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _BakenHsdsJsonSchemas BakenHsdsJsonSchemas;

typedef enum {
  BAKEN_HSDS_MEMBER_UNKNOWN,   /* not a member of the resource's schema */
  BAKEN_HSDS_MEMBER_SCALAR,    /* a string, number or boolean */
  BAKEN_HSDS_MEMBER_LIST,      /* an array of objects of another resource */
  BAKEN_HSDS_MEMBER_OBJECT,    /* one object of another resource */
} BakenHsdsMember;

BakenHsdsJsonSchemas *baken_hsds_json_schemas_load   (void);
void                  baken_hsds_json_schemas_free   (BakenHsdsJsonSchemas *self);

/* Whether there is a schema for resource. */
gboolean              baken_hsds_json_schemas_has    (BakenHsdsJsonSchemas *self,
                                                      const char           *resource);
/* What member of an object of resource holds; for a list or object, *child (nullable) is
 * the resource of the nested objects. */
BakenHsdsMember       baken_hsds_json_schemas_member (BakenHsdsJsonSchemas *self,
                                                      const char           *resource,
                                                      const char           *member,
                                                      const char          **child);
/* The JSON type the schema gives a scalar member ("string", "number", …), or NULL. */
const char           *baken_hsds_json_schemas_type   (BakenHsdsJsonSchemas *self,
                                                      const char           *resource,
                                                      const char           *member);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BakenHsdsJsonSchemas, baken_hsds_json_schemas_free)

G_END_DECLS
