/* fuzz-manifest.c: libFuzzer target for the strict manifest.json parser
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A manifest that parses must write out and parse back to the same text.
 * Build and run with tests/fuzz/run.sh.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include <glib.h>

#include "baken-manifest.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(BakenManifest) manifest = NULL;
  g_autoptr(BakenManifest) back = NULL;
  g_autofree char *written = NULL;
  g_autofree char *again = NULL;
  gsize length;

  manifest = baken_manifest_parse ((const char *) data, size, NULL);
  if (manifest == NULL)
    return 0;

  written = baken_manifest_to_data (manifest, &length, NULL);
  g_assert (written != NULL);
  back = baken_manifest_parse (written, length, NULL);
  g_assert (back != NULL);
  again = baken_manifest_to_data (back, NULL, NULL);
  g_assert (g_strcmp0 (written, again) == 0);
  g_assert (back->serial == manifest->serial);
  g_assert (back->files->len == manifest->files->len);

  return 0;
}
