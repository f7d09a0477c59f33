/* baken-bundle-root.c: root-make, root-sign and root-inspect
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-bundle"

#include "config.h"

#include "baken-bundle-root.h"

#include <stdio.h>
#include <string.h>

#include "baken-bundle-cli.h"
#include "baken-bundle-trust.h"
#include "baken-root.h"
#include "baken-root-publish.h"

enum {
  EXIT_OK = 0,
  EXIT_PROBLEMS = 1,
  EXIT_USAGE = 2,
};

/* Public keys from files or "RW…" values; NULL (with error) at the first that is not. */
static GPtrArray *
read_keys (char      **values,
           GError    **error)
{
  g_autoptr(GPtrArray) keys =
    g_ptr_array_new_with_free_func ((GDestroyNotify) baken_minisign_public_key_unref);

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      BakenMinisignPublicKey *key = baken_minisign_public_key_new_from_file_or_base64 (values[i],
                                                                                       error);

      if (key == NULL)
        {
          g_prefix_error (error, "\"%s\": ", values[i]);
          return NULL;
        }
      g_ptr_array_add (keys, key);
    }
  return g_steal_pointer (&keys);
}

/* root-make */

int
baken_bundle_run_root_make (int    argc,
                            char **argv)
{
  g_auto(GStrv) root_values = NULL;
  g_auto(GStrv) content_values = NULL;
  int version = 0, threshold = 0;
  const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_INT, &version,
      "The version: one more than the version the kiosks have (1 after [sync] root-keys)",
      "N" },
    { "root-key", 'r', 0, G_OPTION_ARG_STRING_ARRAY, &root_values,
      "An offline root key: a file or the \"RW…\" key (repeat for each)", "KEY" },
    { "threshold", 't', 0, G_OPTION_ARG_INT, &threshold,
      "How many root keys sign the next version", "T" },
    { "content-key", 'c', 0, G_OPTION_ARG_STRING_ARRAY, &content_values,
      "A key bundles are signed by: a file or the \"RW…\" key (repeat for more)", "KEY" },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    baken_bundle_cli_context_new ("root-make", BAKEN_BUNDLE_ROOT_MAKE_PARAMETERS,
                                  BAKEN_BUNDLE_ROOT_MAKE_SUMMARY,
                                  BAKEN_BUNDLE_ROOT_MAKE_DESCRIPTION, entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) root_keys = NULL;
  g_autoptr(GPtrArray) content_keys = NULL;
  g_autoptr(BakenRoot) root = NULL;

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return baken_bundle_cli_usage_error ("root-make", "%s", error->message);
  if (argc != 2)
    return baken_bundle_cli_usage_error ("root-make", argc < 2 ? "FILE is required"
                                         : "too many arguments; give FILE only");
  if (version < 1)
    return baken_bundle_cli_usage_error ("root-make", "--version N is required (from 1)");
  if (threshold < 1)
    return baken_bundle_cli_usage_error ("root-make", "--threshold T is required (from 1)");
  if (root_values == NULL || content_values == NULL)
    return baken_bundle_cli_usage_error ("root-make",
                                         "give the root keys (--root-key) and the content keys "
                                         "(--content-key)");
  if (!(root_keys = read_keys (root_values, &error)) ||
      !(content_keys = read_keys (content_values, &error)))
    return baken_bundle_cli_usage_error ("root-make", "%s", error->message);

  root = baken_root_new ((guint) version, root_keys, (guint) threshold, content_keys);
  if (!baken_root_publish_write (argv[1], root, &error))
    return baken_bundle_cli_problem ("root-make", "%s", error->message);

  printf ("baken-bundle root-make: wrote %s (root version %d, %d of %u root keys, %u content "
          "key(s)); sign it with baken-bundle root-sign %s --key ROOT.key\n", argv[1],
          version, threshold, root_keys->len, content_keys->len, argv[1]);
  return EXIT_OK;
}

/* root-sign */

int
baken_bundle_run_root_sign (int    argc,
                            char **argv)
{
  g_autofree char *key_path = NULL;
  const GOptionEntry entries[] = {
    { "key", 'k', 0, G_OPTION_ARG_FILENAME, &key_path,
      "The secret root key file (minisign format)", "KEY" },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    baken_bundle_cli_context_new ("root-sign", BAKEN_BUNDLE_ROOT_SIGN_PARAMETERS,
                                  BAKEN_BUNDLE_ROOT_SIGN_SUMMARY,
                                  BAKEN_BUNDLE_ROOT_SIGN_DESCRIPTION, entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenMinisignSecretKey) key = NULL;
  g_autoptr(BakenRoot) root = NULL;

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return baken_bundle_cli_usage_error ("root-sign", "%s", error->message);
  if (argc != 2)
    return baken_bundle_cli_usage_error ("root-sign", argc < 2 ? "FILE is required"
                                         : "too many arguments; give FILE only");
  if (key_path == NULL)
    return baken_bundle_cli_usage_error ("root-sign", "--key KEY is required");

  key = baken_bundle_read_secret_key (key_path, &error);
  if (key == NULL)
    return baken_bundle_cli_problem ("root-sign", "%s", error->message);
  root = baken_root_publish_sign (argv[1], key, &error);
  if (root == NULL)
    return baken_bundle_cli_problem ("root-sign", "%s", error->message);

  printf ("baken-bundle root-sign: signed %s (root version %u) with key %s\n", argv[1],
          root->version,
          baken_minisign_public_key_get_id_string (baken_minisign_secret_key_get_public_key (key)));
  return EXIT_OK;
}

/* root-inspect */

static void
print_keys (const char *label,
            GPtrArray  *keys)
{
  printf ("%s:\n", label);
  for (guint i = 0; i < keys->len; i++)
    {
      BakenMinisignPublicKey *key = g_ptr_array_index (keys, i);
      g_autofree char *base64 = baken_minisign_public_key_to_base64 (key);

      printf ("  %s  %s\n", baken_minisign_public_key_get_id_string (key), base64);
    }
}

/* The root a kiosk has before FILE: --previous, or version 0 from --root-key and
 * --threshold. NULL without error when neither is given. */
static BakenRoot *
previous_root (const char  *previous,
               char       **root_values,
               int          threshold,
               GError     **error)
{
  g_autoptr(GPtrArray) keys = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GBytes) signatures = NULL;

  if (previous != NULL)
    return baken_root_publish_read (previous, &signatures, error);
  if (root_values == NULL)
    return NULL;

  keys = read_keys (root_values, error);
  if (keys == NULL)
    return NULL;
  if (threshold < 1 || (guint) threshold > keys->len)
    {
      g_set_error (error, BAKEN_ROOT_ERROR, BAKEN_ROOT_ERROR_INVALID,
                   "--threshold must be from 1 to the number of --root-key (%u)", keys->len);
      return NULL;
    }
  none = g_ptr_array_new ();
  return baken_root_new_anchor (keys, (guint) threshold, none);
}

int
baken_bundle_run_root_inspect (int    argc,
                               char **argv)
{
  g_autofree char *previous = NULL;
  g_auto(GStrv) root_values = NULL;
  int threshold = 0;
  const GOptionEntry entries[] = {
    { "previous", 'p', 0, G_OPTION_ARG_FILENAME, &previous,
      "The root keys document of the version before", "OLD" },
    { "root-key", 'r', 0, G_OPTION_ARG_STRING_ARRAY, &root_values,
      "For version 1: a root key of the kiosks' [sync] root-keys (repeat)", "KEY" },
    { "threshold", 't', 0, G_OPTION_ARG_INT, &threshold,
      "For version 1: the kiosks' [sync] root-threshold", "T" },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    baken_bundle_cli_context_new ("root-inspect", BAKEN_BUNDLE_ROOT_INSPECT_PARAMETERS,
                                  BAKEN_BUNDLE_ROOT_INSPECT_SUMMARY,
                                  BAKEN_BUNDLE_ROOT_INSPECT_DESCRIPTION, entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenRoot) root = NULL;
  g_autoptr(BakenRoot) before = NULL;
  g_autoptr(BakenRoot) checked = NULL;
  g_autoptr(GBytes) signatures = NULL;
  g_autoptr(GPtrArray) parsed = NULL;
  g_autoptr(GString) signers = g_string_new (NULL);
  g_autoptr(GString) others = g_string_new (NULL);
  gboolean ok;

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return baken_bundle_cli_usage_error ("root-inspect", "%s", error->message);
  if (argc != 2)
    return baken_bundle_cli_usage_error ("root-inspect", argc < 2 ? "FILE is required"
                                         : "too many arguments; give FILE only");
  if (previous != NULL && root_values != NULL)
    return baken_bundle_cli_usage_error ("root-inspect", "give --previous or --root-key, not both");

  root = baken_root_publish_read (argv[1], &signatures, &error);
  if (root == NULL)
    return baken_bundle_cli_problem ("root-inspect", "%s", error->message);
  before = previous_root (previous, root_values, threshold, &error);
  if (before == NULL && error != NULL)
    return baken_bundle_cli_usage_error ("root-inspect", "%s", error->message);

  printf ("%s: root keys document version %u\n", argv[1], root->version);
  print_keys ("root keys", root->root_keys);
  printf ("threshold: %u of %u\n", root->threshold, root->root_keys->len);
  print_keys ("content keys", root->content_keys);

  if (signatures == NULL)
    {
      printf ("signatures: none (%s.minisig is missing)\n", argv[1]);
      printf ("REFUSED: a kiosk takes no unsigned root keys document.\n");
      return EXIT_PROBLEMS;
    }
  parsed = baken_root_parse_signatures (signatures, &error);
  if (parsed == NULL)
    {
      printf ("REFUSED: %s\n", error->message);
      return EXIT_PROBLEMS;
    }
  baken_root_count_signers (root->data, parsed, root->root_keys, signers, others);
  printf ("signed by its own root keys: %s\n", signers->len > 0 ? signers->str : "none");
  if (before != NULL)
    {
      g_string_truncate (signers, 0);
      g_string_truncate (others, 0);
      baken_root_count_signers (root->data, parsed, before->root_keys, signers, others);
      printf ("signed by the root keys of version %u: %s\n", before->version,
              signers->len > 0 ? signers->str : "none");
      checked = baken_root_verify_next (before, argv[1], root->data, signatures, &error);
    }
  else
    {
      checked = baken_root_verify_stored (argv[1], root->data, signatures, &error);
    }

  ok = checked != NULL;
  if (!ok)
    printf ("REFUSED: %s\n", error->message);
  else if (before != NULL)
    printf ("OK: a kiosk at root version %u takes this document.\n", before->version);
  else
    printf ("OK: signed by %u of its own root keys. Give --previous (or the kiosks' "
            "--root-key and --threshold) to check that it follows the version before.\n",
            root->threshold);
  return ok ? EXIT_OK : EXIT_PROBLEMS;
}
