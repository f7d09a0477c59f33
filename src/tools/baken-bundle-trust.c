/* baken-bundle-trust.c: keygen, sign, verify and the bundle form of build
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-bundle"

#include "config.h"

#include "baken-bundle-cli.h"
#include "baken-bundle-trust.h"

#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sodium.h>

#include "baken-file.h"
#include "baken-bundle.h"
#include "baken-bundle-publish.h"
#include "baken-manifest.h"
#include "baken-minisign.h"
#include "baken-root.h"
#include "baken-root-publish.h"

enum {
  EXIT_OK = 0,
  EXIT_PROBLEMS = 1,
  EXIT_USAGE = 2,
};

#define MAX_PASSWORD 1024

/* Helpers */

/* Reads a password: from the terminal without echo, or the first line of standard input.
 * Returns sodium memory (free with sodium_free), or NULL at end of input. */
static char *
read_password (const char *prompt)
{
  char *password = sodium_malloc (MAX_PASSWORD);
  gboolean tty = isatty (STDIN_FILENO);
  struct termios saved, quiet;
  gboolean echo_off = FALSE;
  gsize len;

  if (password == NULL)
    return NULL;

  if (tty)
    {
      fprintf (stderr, "%s", prompt);
      fflush (stderr);
      if (tcgetattr (STDIN_FILENO, &saved) == 0)
        {
          quiet = saved;
          quiet.c_lflag &= ~(tcflag_t) ECHO;
          echo_off = tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
        }
    }

  if (fgets (password, MAX_PASSWORD, stdin) == NULL)
    {
      sodium_free (password);
      password = NULL;
    }

  if (echo_off)
    tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);
  if (tty)
    fprintf (stderr, "\n");

  if (password != NULL)
    {
      len = strlen (password);
      while (len > 0 && (password[len - 1] == '\n' || password[len - 1] == '\r'))
        password[--len] = '\0';
    }
  return password;
}

/* keygen */

int
baken_bundle_run_keygen (int    argc,
                         char **argv)
{
  gboolean unencrypted = FALSE;
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "unencrypted", 0, 0, G_OPTION_ARG_NONE, &unencrypted,
      "Write the secret key without a password (for automation)", NULL },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force,
      "Overwrite existing key files", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    baken_bundle_cli_context_new ("keygen", BAKEN_BUNDLE_KEYGEN_PARAMETERS,
                                  BAKEN_BUNDLE_KEYGEN_SUMMARY, BAKEN_BUNDLE_KEYGEN_DESCRIPTION,
                                  entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenMinisignSecretKey) key = NULL;
  g_autofree char *secret_path = NULL;
  g_autofree char *public_path = NULL;
  g_autofree char *secret_data = NULL;
  g_autofree char *public_data = NULL;
  char *password = NULL;

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return baken_bundle_cli_usage_error ("keygen", "%s", error->message);
  if (argc != 2)
    return baken_bundle_cli_usage_error ("keygen", argc < 2 ?
                                         "NAME is required (NAME.key and NAME.pub are " "written)"
                                         : "too many arguments; give NAME only");

  secret_path = g_strconcat (argv[1], ".key", NULL);
  public_path = g_strconcat (argv[1], ".pub", NULL);
  if (!force && (g_file_test (secret_path, G_FILE_TEST_EXISTS) ||
                 g_file_test (public_path, G_FILE_TEST_EXISTS)))
    return baken_bundle_cli_problem ("keygen",
                                     "%s or %s exists already; choose another NAME or use --force",
                                     secret_path, public_path);

  if (!unencrypted)
    {
      char *again;

      password = read_password ("Password for the new secret key: ");
      if (password == NULL || password[0] == '\0')
        {
          sodium_free (password);
          return baken_bundle_cli_problem ("keygen",
                                           "no password given; type one, or use --unencrypted");
        }
      if (isatty (STDIN_FILENO))
        {
          gboolean same;

          again = read_password ("The same password again: ");
          same = again != NULL && strcmp (again, password) == 0;
          sodium_free (again);
          if (!same)
            {
              sodium_free (password);
              return baken_bundle_cli_problem ("keygen",
                                               "the two passwords differ; nothing was written");
            }
        }
    }

  key = baken_minisign_secret_key_generate (&error);
  if (key != NULL)
    secret_data = baken_minisign_secret_key_to_data (key, password,
                                                     BAKEN_MINISIGN_OPSLIMIT_SENSITIVE,
                                                     BAKEN_MINISIGN_MEMLIMIT_SENSITIVE, &error);
  sodium_free (password);
  if (secret_data == NULL)
    return baken_bundle_cli_problem ("keygen", "%s", error->message);
  public_data = baken_minisign_public_key_to_data (baken_minisign_secret_key_get_public_key (key));

  if (!g_file_set_contents_full (secret_path, secret_data, -1, G_FILE_SET_CONTENTS_CONSISTENT,
                                 0600, &error) ||
      !g_file_set_contents_full (public_path, public_data, -1, G_FILE_SET_CONTENTS_CONSISTENT,
                                 0644, &error))
    {
      sodium_memzero (secret_data, strlen (secret_data));
      return baken_bundle_cli_problem ("keygen", "%s", error->message);
    }
  sodium_memzero (secret_data, strlen (secret_data));

  printf ("baken-bundle keygen: wrote the secret key %s%s and the public key %s\n"
          "Key id: %s\n"
          "Public key: %s",
          secret_path, unencrypted ? " (not encrypted)" : "", public_path,
          baken_minisign_public_key_get_id_string (baken_minisign_secret_key_get_public_key (key)),
          strchr (public_data, '\n') + 1);
  return EXIT_OK;
}

/* sign */

BakenMinisignSecretKey *
baken_bundle_read_secret_key (const char  *path,
                              GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *key_data = NULL;
  BakenMinisignSecretKey *key;
  gsize key_len;

  if (!baken_file_read (path, BAKEN_FILE_MAX_KEY, &key_data, &key_len, error))
    return NULL;

  if (baken_minisign_secret_key_data_is_encrypted (key_data, key_len))
    {
      char *password = read_password ("Password for the secret key: ");

      if (password == NULL)
        {
          sodium_memzero (key_data, key_len);
          g_set_error (error, BAKEN_MINISIGN_ERROR, BAKEN_MINISIGN_ERROR_NEED_PASSWORD,
                       "%s: the secret key needs a password; none was given", path);
          return NULL;
        }
      key = baken_minisign_secret_key_new_from_data (key_data, key_len, password, &local_error);
      sodium_free (password);
    }
  else
    {
      key = baken_minisign_secret_key_new_from_data (key_data, key_len, NULL, &local_error);
    }
  sodium_memzero (key_data, key_len);
  if (key == NULL)
    g_set_error (error, local_error->domain, local_error->code, "%s: %s", path,
                 local_error->message);
  return key;
}

int
baken_bundle_run_sign (int    argc,
                       char **argv)
{
  g_autofree char *key_path = NULL;
  g_autofree char *trusted_comment = NULL;
  const GOptionEntry entries[] = {
    { "key", 'k', 0, G_OPTION_ARG_FILENAME, &key_path,
      "The secret key file (minisign format)", "KEY" },
    { "trusted-comment", 't', 0, G_OPTION_ARG_STRING, &trusted_comment,
      "Signed comment (default: serial, created and file name)", "TEXT" },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    baken_bundle_cli_context_new ("sign", BAKEN_BUNDLE_SIGN_PARAMETERS, BAKEN_BUNDLE_SIGN_SUMMARY,
                                  BAKEN_BUNDLE_SIGN_DESCRIPTION, entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenMinisignSecretKey) key = NULL;

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return baken_bundle_cli_usage_error ("sign", "%s", error->message);
  if (argc != 2)
    return baken_bundle_cli_usage_error ("sign", argc < 2 ? "OUTDIR is required"
                                         : "too many arguments; give OUTDIR only");
  if (key_path == NULL)
    return baken_bundle_cli_usage_error ("sign", "--key KEY is required");

  key = baken_bundle_read_secret_key (key_path, &error);
  if (key == NULL)
    return baken_bundle_cli_problem ("sign", "%s", error->message);

  if (!baken_bundle_sign (argv[1], key, trusted_comment, &error))
    return baken_bundle_cli_problem ("sign", "%s", error->message);

  printf ("baken-bundle sign: wrote %s" G_DIR_SEPARATOR_S BAKEN_BUNDLE_SIGNATURE_NAME
          " (key %s)\n", argv[1],
          baken_minisign_public_key_get_id_string (baken_minisign_secret_key_get_public_key (key)));
  return EXIT_OK;
}

/* verify */

/* A root keys document signed by its own root keys (what a kiosk keeps). */
static BakenRoot *
read_root (const char  *path,
           GError     **error)
{
  g_autoptr(GBytes) signatures = NULL;
  g_autoptr(BakenRoot) root = baken_root_publish_read (path, &signatures, error);

  if (root == NULL)
    return NULL;
  if (signatures == NULL)
    {
      g_set_error (error, BAKEN_ROOT_ERROR, BAKEN_ROOT_ERROR_SIGNATURES,
                   "%s is not signed (%s.minisig is missing)", path, path);
      return NULL;
    }
  return baken_root_verify_stored (path, root->data, signatures, error);
}

static void
print_check_cb (const char *check,
                gboolean    passed,
                const char *detail,
                gpointer    user_data)
{
  printf ("  %-4s  %-10s  %s\n", passed ? "ok" : "FAIL", check, detail);
}

int
baken_bundle_run_verify (int    argc,
                         char **argv)
{
  g_auto(GStrv) pubkeys = NULL;
  g_autofree char *at = NULL;
  g_autofree char *root_path = NULL;
  gboolean demo = FALSE;
  const GOptionEntry entries[] = {
    { "pubkey", 'p', 0, G_OPTION_ARG_STRING_ARRAY, &pubkeys,
      "A trusted public key: a file or the \"RW…\" key (repeat for more keys)", "KEY" },
    { "demo-key", 0, 0, G_OPTION_ARG_NONE, &demo,
      "Trust the demo key (the embedded demo content only)", NULL },
    { "at", 0, 0, G_OPTION_ARG_STRING, &at,
      "Check as if it were this time, ISO 8601 (default: now)", "TIME" },
    { "root", 'r', 0, G_OPTION_ARG_FILENAME, &root_path,
      "Trust the content keys of this root keys document (keys.json, signed)", "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    baken_bundle_cli_context_new ("verify", BAKEN_BUNDLE_VERIFY_PARAMETERS,
                                  BAKEN_BUNDLE_VERIFY_SUMMARY, BAKEN_BUNDLE_VERIFY_DESCRIPTION,
                                  entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func ((GDestroyNotify) baken_minisign_public_key_unref);
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(BakenVerifiedBundle) bundle = NULL;
  g_autoptr(BakenRoot) root = NULL;

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return baken_bundle_cli_usage_error ("verify", "%s", error->message);
  if (argc != 2)
    return baken_bundle_cli_usage_error ("verify", argc < 2 ? "OUTDIR is required"
                                         : "too many arguments; give OUTDIR only");
  if ((pubkeys == NULL || pubkeys[0] == NULL) && !demo && root_path == NULL)
    return baken_bundle_cli_usage_error ("verify",
                                         "give the trusted keys with --pubkey KEY (or --demo-key, "
                                         "or --root keys.json)");
  if (root_path != NULL && ((pubkeys != NULL && pubkeys[0] != NULL) || demo))
    return baken_bundle_cli_usage_error ("verify",
                                         "give --root or --pubkey, not both: after a key rotation "
                                         "the root keys document names the keys");
  if (root_path != NULL)
    {
      root = read_root (root_path, &error);
      if (root == NULL)
        return baken_bundle_cli_problem ("verify", "%s", error->message);
      for (guint i = 0; i < root->content_keys->len; i++)
        g_ptr_array_add (keys, baken_minisign_public_key_ref (g_ptr_array_index (root->content_keys, i)));
    }

  for (guint i = 0; pubkeys != NULL && pubkeys[i] != NULL; i++)
    {
      BakenMinisignPublicKey *key = baken_minisign_public_key_new_from_file_or_base64 (pubkeys[i],
                                                                                       &error);

      if (key == NULL)
        return baken_bundle_cli_usage_error ("verify", "%s", error->message);
      g_ptr_array_add (keys, key);
    }
  if (demo)
    {
      g_autoptr(GPtrArray) demo_keys = baken_bundle_trusted_keys (NULL);

      g_ptr_array_add (keys, baken_minisign_public_key_ref (g_ptr_array_index (demo_keys, 0)));
    }

  if (at != NULL)
    {
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

      now = g_date_time_new_from_iso8601 (at, utc);
      if (now == NULL)
        return baken_bundle_cli_usage_error ("verify",
                                             "--at \"%s\" is not an ISO 8601 time such as "
                                             "2026-03-01T08:00:00Z", at);
    }
  else
    {
      now = g_date_time_new_now_utc ();
    }

  printf ("Verifying %s\n", argv[1]);
  bundle = baken_bundle_verify (argv[1], keys, now, print_check_cb, NULL, &error);
  if (bundle == NULL)
    {
      printf ("REFUSED: a kiosk would not take this bundle.\n");
      return EXIT_PROBLEMS;
    }

  if (bundle->root_version != (root != NULL ? root->version : 0))
    {
      printf ("  %-4s  %-10s  the manifest belongs to root version %u; %s\n", "FAIL", "root",
              bundle->root_version, root != NULL ? "the root keys document is another version"
                                                 : "check it with --root keys.json");
      printf ("REFUSED: a kiosk would not take this bundle.\n");
      return EXIT_PROBLEMS;
    }

  printf ("OK: serial %" G_GUINT64_FORMAT ", signed by %s; a kiosk trusting %s takes it.\n",
          bundle->serial, bundle->key_id, keys->len > 1 ? "these keys" : "this key");
  return EXIT_OK;
}

/* build SRC OUTDIR */

gboolean
baken_bundle_build_bundle (const char               *src_dir,
                           const char               *out_dir,
                           const BakenBuildOptions  *options,
                           guint                     valid_days,
                           const char               *pubkey,
                           GPtrArray                *problems,
                           GError                  **error)
{
  g_autoptr(BakenMinisignPublicKey) key = NULL;

  if (pubkey != NULL)
    {
      key = baken_minisign_public_key_new_from_file_or_base64 (pubkey, error);
      if (key == NULL)
        return FALSE;
    }

  return baken_bundle_build (src_dir, out_dir, options, valid_days,
                             key != NULL ? baken_minisign_public_key_get_id_string (key) : NULL,
                             problems, error);
}
