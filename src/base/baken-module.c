/* baken-module.c: Baken's own modules, loaded at their first use
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-module"

#include "config.h"

#include "baken-module.h"

#include <gmodule.h>

G_DEFINE_QUARK (baken-module-error-quark, baken_module_error)

/* Path of the file → its GModule (resident): by path, so that a test that points
 * BAKEN_MODULE_DIR elsewhere gets the other file. Under modules_lock. */
static GHashTable *modules;
static GMutex modules_lock;

static GModule *
open_module (const char  *path,
             GError     **error)
{
  GModule *module;

  g_mutex_lock (&modules_lock);

  if (modules == NULL)
    modules = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  module = g_hash_table_lookup (modules, path);
  if (module == NULL)
    {
      /* Not lazy: a symbol the program does not export fails here, with its name. */
      module = g_module_open (path, G_MODULE_BIND_LOCAL);
      if (module == NULL)
        g_set_error (error, BAKEN_MODULE_ERROR, BAKEN_MODULE_ERROR_OPEN,
                     "Cannot load the module %s: %s", path, g_module_error ());
      else
        {
          /* It registers GTypes: it must never be unloaded. */
          g_module_make_resident (module);
          g_hash_table_insert (modules, g_strdup (path), module);
        }
    }

  g_mutex_unlock (&modules_lock);

  return module;
}

char *
baken_module_dup_dir (void)
{
  const char *env = g_getenv ("BAKEN_MODULE_DIR");

  if (env != NULL && env[0] != '\0')
    return g_strdup (env);

  return g_strdup (BAKEN_MODULEDIR);
}

gpointer
baken_module_lookup (const char  *name,
                     const char  *symbol,
                     GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  GModule *module;
  gpointer address = NULL;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (symbol != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  dir = baken_module_dup_dir ();
  file = g_strconcat ("lib", name, ".so", NULL);
  path = g_build_filename (dir, file, NULL);

#ifdef BAKEN_BUILD_MODULEDIR
  /* Not installed (a program run from its build dir, as scripts/run-demo.sh does):
   * the module next to it in the build dir, as for the icon checker. Packages are
   * built without it (meson option build-dir-fallback). */
  if (g_getenv ("BAKEN_MODULE_DIR") == NULL && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_free (path);
      path = g_build_filename (BAKEN_BUILD_MODULEDIR, file, NULL);
    }
#endif

  module = open_module (path, error);
  if (module == NULL)
    return NULL;

  if (!g_module_symbol (module, symbol, &address))
    {
      g_set_error (error, BAKEN_MODULE_ERROR, BAKEN_MODULE_ERROR_SYMBOL,
                   "The module %s has no %s: %s", path, symbol, g_module_error ());
      return NULL;
    }

  return address;
}
