/* baken-hsds.c: exchange content with other systems as HSDS 3.0 tabular packages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The error domain, the UUIDs export makes and the official schema. Export is
 * baken-hsds-export.c and import baken-hsds-import.c; what both use has its own file
 * (-schema.c, -notes.c, -out-table.c, -out-dir.c, -time.c).
 */
#define G_LOG_DOMAIN "baken-hsds"

#include "config.h"

#include "baken-hsds.h"

#include <string.h>

#include <gio/gio.h>

#include "baken-authoring-resources.h"

#define SCHEMA_RESOURCE  "/nl/baken/authoring/hsds/datapackage.json"

G_DEFINE_QUARK (baken-hsds-error-quark, baken_hsds_error)

/* UUIDs */

static gboolean
parse_uuid (const char *text,
            guint8      out[16])
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '-')
        continue;
      if (!g_ascii_isxdigit (p[0]) || !g_ascii_isxdigit (p[1]) || n == 16)
        return FALSE;
      out[n++] = (guint8) (g_ascii_xdigit_value (p[0]) * 16 + g_ascii_xdigit_value (p[1]));
      p++;
    }

  return n == 16;
}

char *
baken_hsds_uuid (const char *resource,
                 const char *id)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA1);
  g_autofree char *name = g_strdup_printf ("%s/%s", resource, id);
  guint8 ns[16];
  guint8 digest[20];
  gsize length = sizeof digest;
  gboolean ok;

  ok = parse_uuid (BAKEN_HSDS_NAMESPACE, ns);
  g_assert (ok);

  g_checksum_update (checksum, ns, sizeof ns);
  g_checksum_update (checksum, (const guchar *) name, strlen (name));
  g_checksum_get_digest (checksum, digest, &length);

  digest[6] = (guint8) ((digest[6] & 0x0f) | 0x50);
  digest[8] = (guint8) ((digest[8] & 0x3f) | 0x80);

  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
                          "%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                          digest[6], digest[7], digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}

/* The official schema */

GBytes *
baken_hsds_get_schema (void)
{
  GBytes *bytes = g_resource_lookup_data (baken_authoring_get_resource (), SCHEMA_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  g_assert (bytes != NULL);
  return bytes;
}
