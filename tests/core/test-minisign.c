/* test-minisign.c: tests for baken-minisign, including round trips with stock minisign
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <gio/gio.h>

#include "baken-minisign.h"
#include "test-util.h"

static const char message[] = "{\"format\": 1}\n";

/* Helpers */

static BakenMinisignSecretKey *
new_key (void)
{
  g_autoptr(GError) error = NULL;
  BakenMinisignSecretKey *key = baken_minisign_secret_key_generate (&error);

  g_assert_no_error (error);
  g_assert_nonnull (key);
  return key;
}

static GPtrArray *
key_list (BakenMinisignPublicKey *first,
          ...)
{
  GPtrArray *keys = g_ptr_array_new_with_free_func ((GDestroyNotify) baken_minisign_public_key_unref);
  va_list args;

  va_start (args, first);
  for (BakenMinisignPublicKey *k = first; k != NULL; k = va_arg (args, BakenMinisignPublicKey *))
    g_ptr_array_add (keys, baken_minisign_public_key_ref (k));
  va_end (args);
  return keys;
}

static char *
sign_message (BakenMinisignSecretKey *key,
              const char             *trusted_comment)
{
  g_autoptr(GError) error = NULL;
  char *sig = baken_minisign_sign (key, (const guint8 *) message, strlen (message),
                                   trusted_comment, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (sig);
  return sig;
}

/* Runs a program with input on stdin; returns its exit status, output in *out. */
static int
run (const char *const *argv,
     const char        *cwd,
     const char        *input,
     char             **out)
{
  g_autoptr(GBytes) bytes = input != NULL ? g_bytes_new (input, strlen (input)) : NULL;
  g_autofree char *stdout_text = NULL;
  int status = baken_test_run_with_input (argv, cwd, TRUE, bytes, &stdout_text);

  if (out != NULL)
    *out = g_steal_pointer (&stdout_text);
  else if (status != 0)
    g_test_message ("%s: %s", argv[0], stdout_text);
  return status;
}

static char *
minisign_path (void)
{
  char *path = g_find_program_in_path ("minisign");

  if (path == NULL)
    g_test_skip ("the minisign program is not installed (Debian package minisign)");
  return path;
}

static void
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static char *
read_file (const char *dir,
           const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* Replaces the nth line (0-based) of a file's text. */
static char *
replace_line (const char *text,
              guint       n,
              const char *line)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  g_assert_cmpuint (g_strv_length (lines), >, n);
  g_free (lines[n]);
  lines[n] = g_strdup (line);
  return g_strjoinv ("\n", lines);
}

/* Decodes line n, lets edit change the bytes, and encodes it back. */
static char *
edit_line_bytes (const char *text,
                 guint       n,
                 void      (*edit) (guint8 *raw, gsize len))
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  gsize len;
  g_autofree guint8 *raw = g_base64_decode (lines[n], &len);
  g_autofree char *encoded = NULL;

  edit (raw, len);
  encoded = g_base64_encode (raw, len);
  return replace_line (text, n, encoded);
}

/* Tests: keys */

static void
test_key_round_trip (void)
{
  g_autoptr(BakenMinisignSecretKey) key = new_key ();
  g_autoptr(BakenMinisignSecretKey) back = NULL;
  g_autoptr(BakenMinisignPublicKey) pub = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pub_data = NULL;
  g_autofree char *sk_data = NULL;
  g_autofree char *base64 = NULL;

  pub_data = baken_minisign_public_key_to_data (baken_minisign_secret_key_get_public_key (key));
  g_assert_true (g_str_has_prefix (pub_data, "untrusted comment: minisign public key "));
  g_assert_nonnull (strstr (pub_data, baken_minisign_public_key_get_id_string (
                                        baken_minisign_secret_key_get_public_key (key))));

  pub = baken_minisign_public_key_new_from_data (pub_data, strlen (pub_data), &error);
  g_assert_no_error (error);
  g_assert_true (baken_minisign_public_key_equal (pub, baken_minisign_secret_key_get_public_key (key)));

  base64 = baken_minisign_public_key_to_base64 (pub);
  g_assert_cmpuint (strlen (base64), ==, 56);
  g_assert_true (g_str_has_prefix (base64, "RW"));

  sk_data = baken_minisign_secret_key_to_data (key, NULL, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_false (baken_minisign_secret_key_data_is_encrypted (sk_data, strlen (sk_data)));
  back = baken_minisign_secret_key_new_from_data (sk_data, strlen (sk_data), NULL, &error);
  g_assert_no_error (error);
  g_assert_true (baken_minisign_public_key_equal (baken_minisign_secret_key_get_public_key (back),
                                                  pub));
}

static void
test_key_encrypted (void)
{
  g_autoptr(BakenMinisignSecretKey) key = new_key ();
  g_autoptr(BakenMinisignSecretKey) back = NULL;
  g_autoptr(BakenMinisignSecretKey) wrong = NULL;
  g_autoptr(BakenMinisignSecretKey) none = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sk_data = NULL;

  sk_data = baken_minisign_secret_key_to_data (key, "correct horse",
                                               BAKEN_MINISIGN_OPSLIMIT_INTERACTIVE,
                                               BAKEN_MINISIGN_MEMLIMIT_INTERACTIVE, &error);
  g_assert_no_error (error);
  g_assert_true (baken_minisign_secret_key_data_is_encrypted (sk_data, strlen (sk_data)));

  none = baken_minisign_secret_key_new_from_data (sk_data, strlen (sk_data), NULL, &error);
  g_assert_error (error, BAKEN_MINISIGN_ERROR, BAKEN_MINISIGN_ERROR_NEED_PASSWORD);
  g_assert_null (none);
  g_clear_error (&error);

  wrong = baken_minisign_secret_key_new_from_data (sk_data, strlen (sk_data), "battery", &error);
  g_assert_error (error, BAKEN_MINISIGN_ERROR, BAKEN_MINISIGN_ERROR_WRONG_PASSWORD);
  g_assert_null (wrong);
  g_clear_error (&error);

  back = baken_minisign_secret_key_new_from_data (sk_data, strlen (sk_data), "correct horse",
                                                  &error);
  g_assert_no_error (error);
  g_assert_true (baken_minisign_public_key_equal (baken_minisign_secret_key_get_public_key (back),
                                                  baken_minisign_secret_key_get_public_key (key)));
}

static void
flip_secret_byte (guint8 *raw,
                  gsize   len)
{
  g_assert_cmpuint (len, ==, 158);
  raw[70] ^= 0x01;  /* inside the Ed25519 seed */
}

static void
test_key_damaged (void)
{
  g_autoptr(BakenMinisignSecretKey) key = new_key ();
  g_autoptr(BakenMinisignSecretKey) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sk_data = baken_minisign_secret_key_to_data (key, NULL, 0, 0, NULL);
  g_autofree char *damaged = edit_line_bytes (sk_data, 1, flip_secret_byte);

  back = baken_minisign_secret_key_new_from_data (damaged, strlen (damaged), NULL, &error);
  g_assert_error (error, BAKEN_MINISIGN_ERROR, BAKEN_MINISIGN_ERROR_KEY_DAMAGED);
  g_assert_null (back);
}

typedef struct
{
  const char *name;
  const char *text;
  int         code;
} BadKey;

static const BadKey bad_public_keys[] = {
  { "empty", "", BAKEN_MINISIGN_ERROR_FORMAT },
  { "no-comment", "RWR4tGv0J4XsmhUCxabbPfSkJg9hzF287Oy1jioTn+lQnCRV/L9YBA+7\n", BAKEN_MINISIGN_ERROR_FORMAT },
  { "wrong-prefix", "comment: x\nRWR4tGv0J4XsmhUCxabbPfSkJg9hzF287Oy1jioTn+lQnCRV/L9YBA+7\n", BAKEN_MINISIGN_ERROR_FORMAT },
  { "short", "untrusted comment: x\nRWR4tGv0J4XsmhUCxabbPfSkJg9hzF287Oy1jioTn+lQnCRV/L9Y\n", BAKEN_MINISIGN_ERROR_FORMAT },
  { "long", "untrusted comment: x\nRWR4tGv0J4XsmhUCxabbPfSkJg9hzF287Oy1jioTn+lQnCRV/L9YBA+7AAAA\n", BAKEN_MINISIGN_ERROR_FORMAT },
  { "space", "untrusted comment: x\nRWR4tGv0J4XsmhUCxabbPfSkJg9hzF287Oy1jioTn+lQnCRV/L9YBA+7 \n", BAKEN_MINISIGN_ERROR_FORMAT },
  { "extra-line", "untrusted comment: x\nRWR4tGv0J4XsmhUCxabbPfSkJg9hzF287Oy1jioTn+lQnCRV/L9YBA+7\n\n", BAKEN_MINISIGN_ERROR_FORMAT },
  { "nul", "untrusted comment: x\nRWR4tGv0J4Xsm\0UCxabbPfSkJg9hzF287Oy1jioTn+lQnCRV/L9YBA+7\n", BAKEN_MINISIGN_ERROR_FORMAT },
  /* "Ex" instead of "Ed" as the key algorithm */
  { "algorithm", "untrusted comment: x\nRXh4tGv0J4XsmhUCxabbPfSkJg9hzF287Oy1jioTn+lQnCRV/L9YBA+7\n", BAKEN_MINISIGN_ERROR_ALGORITHM },
};

static void
test_public_key_bad (gconstpointer data)
{
  const BadKey *bad = data;
  g_autoptr(BakenMinisignPublicKey) key = NULL;
  g_autoptr(GError) error = NULL;
  gsize len = strlen (bad->text);

  if (g_str_equal (bad->name, "nul"))
    len = sizeof "untrusted comment: x\nRWR4tGv0J4Xsm\0UCxabbPfSkJg9hzF287Oy1jioTn+lQnCRV/L9YBA+7\n" - 1;
  key = baken_minisign_public_key_new_from_data (bad->text, len, &error);
  g_assert_error (error, BAKEN_MINISIGN_ERROR, bad->code);
  g_assert_null (key);
  g_test_message ("%s: %s", bad->name, error->message);
}

static void
test_public_key_crlf (void)
{
  static const char text[] = "untrusted comment: minisign public key 9AEC8527F46BB478\r\n"
                             "RWR4tGv0J4XsmhUCxabbPfSkJg9hzF287Oy1jioTn+lQnCRV/L9YBA+7\r\n";
  g_autoptr(BakenMinisignPublicKey) key = NULL;
  g_autoptr(GError) error = NULL;

  key = baken_minisign_public_key_new_from_data (text, strlen (text), &error);
  g_assert_no_error (error);
  /* minisign prints the id as a little-endian number */
  g_assert_cmpstr (baken_minisign_public_key_get_id_string (key), ==, "9AEC8527F46BB478");
}

/* Tests: signatures */

static void
test_sign_verify (void)
{
  g_autoptr(BakenMinisignSecretKey) key = new_key ();
  g_autoptr(BakenMinisignSecretKey) other = new_key ();
  g_autoptr(GPtrArray) keys = key_list (baken_minisign_secret_key_get_public_key (other),
                                        baken_minisign_secret_key_get_public_key (key), NULL);
  g_autofree char *sig = sign_message (key, "serial:7\tcreated:2026-11-01T00:00:00Z");
  g_autoptr(BakenMinisignSignature) parsed = NULL;
  g_autoptr(GError) error = NULL;
  BakenMinisignPublicKey *signer;

  parsed = baken_minisign_signature_new_from_data (sig, strlen (sig), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (baken_minisign_signature_get_key_id_string (parsed), ==,
                   baken_minisign_public_key_get_id_string (baken_minisign_secret_key_get_public_key (key)));

  signer = baken_minisign_signature_verify (parsed, keys, (const guint8 *) message,
                                            strlen (message), &error);
  g_assert_no_error (error);
  g_assert_true (signer == baken_minisign_secret_key_get_public_key (key));
  g_assert_cmpstr (baken_minisign_signature_get_trusted_comment (parsed), ==,
                   "serial:7\tcreated:2026-11-01T00:00:00Z");
}

static void
test_verify_altered_file (void)
{
  g_autoptr(BakenMinisignSecretKey) key = new_key ();
  g_autoptr(GPtrArray) keys = key_list (baken_minisign_secret_key_get_public_key (key), NULL);
  g_autofree char *sig = sign_message (key, "x");
  g_autoptr(BakenMinisignSignature) parsed = baken_minisign_signature_new_from_data (sig, strlen (sig), NULL);
  g_autofree char *altered = g_strdup (message);
  g_autoptr(GError) error = NULL;

  altered[3] ^= 0x20;
  g_assert_null (baken_minisign_signature_verify (parsed, keys, (const guint8 *) altered,
                                                  strlen (altered), &error));
  g_assert_error (error, BAKEN_MINISIGN_ERROR, BAKEN_MINISIGN_ERROR_BAD_SIGNATURE);
}

static void
test_verify_unknown_key (void)
{
  g_autoptr(BakenMinisignSecretKey) key = new_key ();
  g_autoptr(BakenMinisignSecretKey) other = new_key ();
  g_autoptr(GPtrArray) keys = key_list (baken_minisign_secret_key_get_public_key (other), NULL);
  g_autofree char *sig = sign_message (key, "x");
  g_autoptr(BakenMinisignSignature) parsed = baken_minisign_signature_new_from_data (sig, strlen (sig), NULL);
  g_autoptr(GError) error = NULL;

  g_assert_null (baken_minisign_signature_verify (parsed, keys, (const guint8 *) message,
                                                  strlen (message), &error));
  g_assert_error (error, BAKEN_MINISIGN_ERROR, BAKEN_MINISIGN_ERROR_UNKNOWN_KEY);
  g_assert_nonnull (strstr (error->message, baken_minisign_signature_get_key_id_string (parsed)));
}

static void
copy_key_id (guint8 *raw,
             gsize   len)
{
  static guint8 saved[8];
  static gboolean have;

  /* First call: remember; second call: overwrite with the remembered id. */
  if (!have)
    memcpy (saved, raw + 2, 8);
  else
    memcpy (raw + 2, saved, 8);
  have = !have;
}

static void
test_verify_same_id_other_key (void)
{
  /* A forged signature naming a trusted key's id but made by another key. */
  g_autoptr(BakenMinisignSecretKey) key = new_key ();
  g_autoptr(BakenMinisignSecretKey) other = new_key ();
  g_autoptr(GPtrArray) keys = key_list (baken_minisign_secret_key_get_public_key (key), NULL);
  g_autofree char *good = sign_message (key, "x");
  g_autofree char *forged = sign_message (other, "x");
  g_autofree char *ignored = edit_line_bytes (good, 1, copy_key_id);
  g_autofree char *relabelled = edit_line_bytes (forged, 1, copy_key_id);
  g_autoptr(BakenMinisignSignature) parsed = NULL;
  g_autoptr(GError) error = NULL;

  parsed = baken_minisign_signature_new_from_data (relabelled, strlen (relabelled), &error);
  g_assert_no_error (error);
  g_assert_null (baken_minisign_signature_verify (parsed, keys, (const guint8 *) message,
                                                  strlen (message), &error));
  g_assert_error (error, BAKEN_MINISIGN_ERROR, BAKEN_MINISIGN_ERROR_BAD_SIGNATURE);
}

static void
test_verify_edited_comment (void)
{
  g_autoptr(BakenMinisignSecretKey) key = new_key ();
  g_autoptr(GPtrArray) keys = key_list (baken_minisign_secret_key_get_public_key (key), NULL);
  g_autofree char *sig = sign_message (key, "serial:7");
  g_autofree char *edited = replace_line (sig, 2, "trusted comment: serial:8");
  g_autoptr(BakenMinisignSignature) parsed = NULL;
  g_autoptr(GError) error = NULL;

  parsed = baken_minisign_signature_new_from_data (edited, strlen (edited), &error);
  g_assert_no_error (error);
  g_assert_null (baken_minisign_signature_verify (parsed, keys, (const guint8 *) message,
                                                  strlen (message), &error));
  g_assert_error (error, BAKEN_MINISIGN_ERROR, BAKEN_MINISIGN_ERROR_BAD_COMMENT);
}

static void
make_legacy (guint8 *raw,
             gsize   len)
{
  raw[1] = 'd';
}

static void
test_signature_legacy (void)
{
  g_autoptr(BakenMinisignSecretKey) key = new_key ();
  g_autofree char *sig = sign_message (key, "x");
  g_autofree char *legacy = edit_line_bytes (sig, 1, make_legacy);
  g_autoptr(BakenMinisignSignature) parsed = NULL;
  g_autoptr(GError) error = NULL;

  parsed = baken_minisign_signature_new_from_data (legacy, strlen (legacy), &error);
  g_assert_error (error, BAKEN_MINISIGN_ERROR, BAKEN_MINISIGN_ERROR_ALGORITHM);
  g_assert_nonnull (strstr (error->message, "legacy"));
  g_assert_null (parsed);
}

static void
test_signature_malformed (void)
{
  g_autoptr(BakenMinisignSecretKey) key = new_key ();
  g_autofree char *sig = sign_message (key, "x");
  const char *variants[5];
  g_autofree char *v0 = replace_line (sig, 2, "comment: x");
  g_autofree char *v1 = replace_line (sig, 3, "AAAA");
  g_autofree char *v2 = g_strconcat (sig, "extra\n", NULL);
  g_autofree char *v3 = replace_line (sig, 0, "signature");
  g_autofree char *v4 = g_strndup (sig, strlen (sig) / 2);

  variants[0] = v0;
  variants[1] = v1;
  variants[2] = v2;
  variants[3] = v3;
  variants[4] = v4;
  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      g_autoptr(BakenMinisignSignature) parsed = NULL;
      g_autoptr(GError) error = NULL;

      parsed = baken_minisign_signature_new_from_data (variants[i], strlen (variants[i]), &error);
      g_assert_error (error, BAKEN_MINISIGN_ERROR, BAKEN_MINISIGN_ERROR_FORMAT);
      g_assert_null (parsed);
    }
}

/* Tests: stock minisign */

static void
test_interop_we_sign_minisign_verifies (void)
{
  g_autofree char *minisign = minisign_path ();
  g_autofree char *dir = NULL;
  g_autoptr(BakenMinisignSecretKey) key = NULL;
  g_autofree char *pub = NULL;
  g_autofree char *sig = NULL;
  g_autofree char *output = NULL;
  g_autofree char *tampered = NULL;

  if (minisign == NULL)
    return;

  dir = g_dir_make_tmp ("minisign-XXXXXX", NULL);
  key = new_key ();
  pub = baken_minisign_public_key_to_data (baken_minisign_secret_key_get_public_key (key));
  write_file (dir, "key.pub", pub);
  write_file (dir, "manifest.json", message);
  sig = sign_message (key, "serial:7\tcreated:2026-11-01T00:00:00Z");
  write_file (dir, "manifest.json.minisig", sig);

  {
    const char *argv[] = { minisign, "-V", "-H", "-p", "key.pub", "-m", "manifest.json", NULL };

    g_assert_cmpint (run (argv, dir, NULL, &output), ==, 0);
    g_assert_nonnull (strstr (output, "Trusted comment: serial:7\tcreated:2026-11-01T00:00:00Z"));
  }

  /* And minisign refuses what we would refuse. */
  tampered = g_strconcat (message, " ", NULL);
  write_file (dir, "manifest.json", tampered);
  {
    const char *argv[] = { minisign, "-V", "-p", "key.pub", "-m", "manifest.json", NULL };

    g_assert_cmpint (run (argv, dir, NULL, NULL), !=, 0);
  }
}

static void
test_interop_our_keys_sign_with_minisign (void)
{
  /* A key written by us, encrypted and unencrypted, is usable by minisign -S. */
  g_autofree char *minisign = minisign_path ();
  g_autofree char *dir = NULL;
  g_autoptr(BakenMinisignSecretKey) key = NULL;
  g_autoptr(GPtrArray) keys = NULL;
  g_autofree char *pub = NULL;
  g_autofree char *encrypted = NULL;
  g_autofree char *plain = NULL;

  if (minisign == NULL)
    return;

  dir = g_dir_make_tmp ("minisign-XXXXXX", NULL);
  key = new_key ();
  keys = key_list (baken_minisign_secret_key_get_public_key (key), NULL);
  pub = baken_minisign_public_key_to_data (baken_minisign_secret_key_get_public_key (key));
  encrypted = baken_minisign_secret_key_to_data (key, "s3cret", BAKEN_MINISIGN_OPSLIMIT_INTERACTIVE,
                                                 BAKEN_MINISIGN_MEMLIMIT_INTERACTIVE, NULL);
  plain = baken_minisign_secret_key_to_data (key, NULL, 0, 0, NULL);
  write_file (dir, "key.pub", pub);
  write_file (dir, "enc.key", encrypted);
  write_file (dir, "plain.key", plain);
  write_file (dir, "manifest.json", message);

  for (guint i = 0; i < 2; i++)
    {
      const char *argv_enc[] = { minisign, "-S", "-s", "enc.key", "-m", "manifest.json",
                                 "-t", "signed by stock minisign", NULL };
      const char *argv_plain[] = { minisign, "-S", "-W", "-s", "plain.key", "-m", "manifest.json",
                                   "-t", "signed by stock minisign", NULL };
      g_autofree char *sig = NULL;
      g_autoptr(BakenMinisignSignature) parsed = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (run (i == 0 ? argv_enc : argv_plain, dir, "s3cret\n", NULL), ==, 0);
      sig = read_file (dir, "manifest.json.minisig");
      parsed = baken_minisign_signature_new_from_data (sig, strlen (sig), &error);
      g_assert_no_error (error);
      g_assert_nonnull (baken_minisign_signature_verify (parsed, keys, (const guint8 *) message,
                                                         strlen (message), &error));
      g_assert_no_error (error);
      g_assert_cmpstr (baken_minisign_signature_get_trusted_comment (parsed), ==,
                       "signed by stock minisign");
    }
}

static void
test_interop_minisign_keys (void)
{
  /* Keys from minisign -G: we read them, sign, and minisign -V accepts; minisign -S
   * signs, we verify; minisign -l (legacy) is refused. */
  g_autofree char *minisign = minisign_path ();
  g_autofree char *dir = NULL;
  g_autofree char *pub_text = NULL;
  g_autofree char *sk_text = NULL;
  g_autoptr(BakenMinisignPublicKey) pub = NULL;
  g_autoptr(BakenMinisignSecretKey) key = NULL;
  g_autoptr(GPtrArray) keys = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ours = NULL;

  if (minisign == NULL)
    return;

  dir = g_dir_make_tmp ("minisign-XXXXXX", NULL);
  {
    const char *argv[] = { minisign, "-G", "-W", "-p", "m.pub", "-s", "m.key", NULL };

    g_assert_cmpint (run (argv, dir, NULL, NULL), ==, 0);
  }
  pub_text = read_file (dir, "m.pub");
  sk_text = read_file (dir, "m.key");
  pub = baken_minisign_public_key_new_from_data (pub_text, strlen (pub_text), &error);
  g_assert_no_error (error);
  key = baken_minisign_secret_key_new_from_data (sk_text, strlen (sk_text), NULL, &error);
  g_assert_no_error (error);
  g_assert_true (baken_minisign_public_key_equal (pub, baken_minisign_secret_key_get_public_key (key)));
  keys = key_list (pub, NULL);

  /* Our signature with minisign's key, checked by minisign. */
  write_file (dir, "manifest.json", message);
  ours = sign_message (key, "ours");
  write_file (dir, "manifest.json.minisig", ours);
  {
    const char *argv[] = { minisign, "-V", "-H", "-p", "m.pub", "-m", "manifest.json", NULL };

    g_assert_cmpint (run (argv, dir, NULL, NULL), ==, 0);
  }

  /* minisign's default (prehashed) signature, checked by us. */
  {
    const char *argv[] = { minisign, "-S", "-W", "-s", "m.key", "-m", "manifest.json", NULL };
    g_autofree char *sig = NULL;
    g_autoptr(BakenMinisignSignature) parsed = NULL;

    g_assert_cmpint (run (argv, dir, NULL, NULL), ==, 0);
    sig = read_file (dir, "manifest.json.minisig");
    parsed = baken_minisign_signature_new_from_data (sig, strlen (sig), &error);
    g_assert_no_error (error);
    g_assert_nonnull (baken_minisign_signature_verify (parsed, keys, (const guint8 *) message,
                                                       strlen (message), &error));
    g_assert_no_error (error);
    g_assert_true (g_str_has_prefix (baken_minisign_signature_get_trusted_comment (parsed),
                                     "timestamp:"));
  }

  /* minisign -l: the legacy form, refused. */
  {
    const char *argv[] = { minisign, "-S", "-l", "-W", "-s", "m.key", "-m", "manifest.json", NULL };
    g_autofree char *sig = NULL;
    g_autoptr(BakenMinisignSignature) parsed = NULL;

    g_assert_cmpint (run (argv, dir, NULL, NULL), ==, 0);
    sig = read_file (dir, "manifest.json.minisig");
    parsed = baken_minisign_signature_new_from_data (sig, strlen (sig), &error);
    g_assert_error (error, BAKEN_MINISIGN_ERROR, BAKEN_MINISIGN_ERROR_ALGORITHM);
    g_assert_null (parsed);
    g_clear_error (&error);
  }
}

static void
test_interop_minisign_encrypted_key (void)
{
  /* A key encrypted by minisign -G (scrypt at minisign's 1 GiB limit), made once with
   * the stock tool (tests/data/minisign/README.md): one key derivation per run. */
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "minisign", NULL);
  g_autofree char *sk_text = read_file (dir, "encrypted.key");
  g_autofree char *pub_text = read_file (dir, "encrypted.pub");
  g_autoptr(BakenMinisignSecretKey) key = NULL;
  g_autoptr(BakenMinisignPublicKey) pub = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (baken_minisign_secret_key_data_is_encrypted (sk_text, strlen (sk_text)));
  pub = baken_minisign_public_key_new_from_data (pub_text, strlen (pub_text), &error);
  g_assert_no_error (error);
  key = baken_minisign_secret_key_new_from_data (sk_text, strlen (sk_text), "pass phrase", &error);
  g_assert_no_error (error);
  g_assert_true (baken_minisign_public_key_equal (pub, baken_minisign_secret_key_get_public_key (key)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/minisign/key-round-trip", test_key_round_trip);
  g_test_add_func ("/core/minisign/key-encrypted", test_key_encrypted);
  g_test_add_func ("/core/minisign/key-damaged", test_key_damaged);
  g_test_add_func ("/core/minisign/public-key-crlf", test_public_key_crlf);
  for (guint i = 0; i < G_N_ELEMENTS (bad_public_keys); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/minisign/public-key-bad/%s",
                                               bad_public_keys[i].name);

      g_test_add_data_func (path, &bad_public_keys[i], test_public_key_bad);
    }
  g_test_add_func ("/core/minisign/sign-verify", test_sign_verify);
  g_test_add_func ("/core/minisign/verify-altered-file", test_verify_altered_file);
  g_test_add_func ("/core/minisign/verify-unknown-key", test_verify_unknown_key);
  g_test_add_func ("/core/minisign/verify-same-id-other-key", test_verify_same_id_other_key);
  g_test_add_func ("/core/minisign/verify-edited-comment", test_verify_edited_comment);
  g_test_add_func ("/core/minisign/signature-legacy", test_signature_legacy);
  g_test_add_func ("/core/minisign/signature-malformed", test_signature_malformed);
  g_test_add_func ("/core/minisign/interop/we-sign-minisign-verifies",
                   test_interop_we_sign_minisign_verifies);
  g_test_add_func ("/core/minisign/interop/our-keys-sign-with-minisign",
                   test_interop_our_keys_sign_with_minisign);
  g_test_add_func ("/core/minisign/interop/minisign-keys", test_interop_minisign_keys);
  g_test_add_func ("/core/minisign/interop/minisign-encrypted-key",
                   test_interop_minisign_encrypted_key);

  return g_test_run ();
}
