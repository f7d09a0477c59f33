/* test-root.c: tests for the root keys document (baken-root.h): strict reading, its
 * signatures and the chain of versions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib.h>

#include "baken-root.h"

/* Root keys A, B, C (threshold 2) of version 1; D, E replace A and B in version 2;
 * content keys K (version 1) and N (version 2). */
enum { A, B, C, D, E, K, N, N_KEYS };

static BakenMinisignSecretKey *keys[N_KEYS];

static BakenMinisignPublicKey *
pub (guint i)
{
  return baken_minisign_secret_key_get_public_key (keys[i]);
}

/* The public keys of the indices up to -1. */
static GPtrArray *
key_list (int first,
          ...)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) baken_minisign_public_key_unref);
  va_list args;

  va_start (args, first);
  for (int i = first; i >= 0; i = va_arg (args, int))
    g_ptr_array_add (list, baken_minisign_public_key_ref (pub (i)));
  va_end (args);
  return list;
}

static GBytes *
document (guint      version,
          GPtrArray *root_keys,
          guint      threshold,
          GPtrArray *content_keys)
{
  g_autoptr(BakenRoot) root = baken_root_new (version, root_keys, threshold, content_keys);
  g_autoptr(GError) error = NULL;
  gsize length;
  char *data = baken_root_to_data (root, &length, &error);

  g_assert_no_error (error);
  return g_bytes_new_take (data, length);
}

/* keys.json.minisig: a signature by each of the keys up to -1. */
static GBytes *
sign (GBytes *data,
      int     first,
      ...)
{
  GString *all = g_string_new (NULL);
  va_list args;

  va_start (args, first);
  for (int i = first; i >= 0; i = va_arg (args, int))
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *sig = baken_minisign_sign (keys[i], g_bytes_get_data (data, NULL),
                                                  g_bytes_get_size (data), "root", NULL,
                                                  &error);

      g_assert_no_error (error);
      g_string_append (all, sig);
    }
  va_end (args);
  return g_string_free_to_bytes (all);
}

/* Version 1 (A, B, C; 2; K), signed by A and B. */
static BakenRoot *
version_1 (void)
{
  g_autoptr(GPtrArray) roots = key_list (A, B, C, -1);
  g_autoptr(GPtrArray) content = key_list (K, -1);
  g_autoptr(GBytes) data = document (1, roots, 2, content);
  g_autoptr(GBytes) sigs = sign (data, A, B, -1);
  g_autoptr(GError) error = NULL;
  BakenRoot *root = baken_root_verify_stored ("keys.json", data, sigs, &error);

  g_assert_no_error (error);
  return root;
}

/* Version 2 (C, D, E; 2; N). */
static GBytes *
version_2 (void)
{
  g_autoptr(GPtrArray) roots = key_list (C, D, E, -1);
  g_autoptr(GPtrArray) content = key_list (N, -1);

  return document (2, roots, 2, content);
}

static void
assert_refused (BakenRoot      *trusted,
                GBytes         *data,
                GBytes         *sigs,
                BakenRootError  code,
                const char     *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenRoot) next = baken_root_verify_next (trusted, "keys.json", data, sigs, &error);

  g_assert_null (next);
  g_assert_error (error, BAKEN_ROOT_ERROR, code);
  g_test_message ("refused: %s", error->message);
  if (strstr (error->message, fragment) == NULL)
    g_error ("\"%s\" is not in \"%s\"", fragment, error->message);
}

/* Tests */

static void
test_round_trip (void)
{
  g_autoptr(GBytes) data = version_2 ();
  g_autoptr(BakenRoot) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *again = NULL;

  root = baken_root_parse (data, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (root->version, ==, 2);
  g_assert_cmpuint (root->threshold, ==, 2);
  g_assert_cmpuint (root->root_keys->len, ==, 3);
  g_assert_true (baken_root_has_content_key (root, pub (N)));
  g_assert_false (baken_root_has_content_key (root, pub (K)));
  again = baken_root_to_data (root, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (again, strlen (again), g_bytes_get_data (data, NULL), g_bytes_get_size (data));
}

typedef struct
{
  const char     *name;
  const char     *from;
  const char     *to;
  BakenRootError  code;
} BadRoot;

static const BadRoot bad_roots[] = {
  { "format-2", "\"format\" : 1", "\"format\" : 2", BAKEN_ROOT_ERROR_FORMAT },
  { "no-format", "\"format\" : 1,", "", BAKEN_ROOT_ERROR_INVALID },
  { "unknown-member", "\"format\" : 1,", "\"format\" : 1, \"expires\" : 0,", BAKEN_ROOT_ERROR_INVALID },
  { "no-threshold", "\"threshold\" : 2,", "", BAKEN_ROOT_ERROR_INVALID },
  { "version-0", "\"version\" : 2", "\"version\" : 0", BAKEN_ROOT_ERROR_INVALID },
  { "version-string", "\"version\" : 2", "\"version\" : \"2\"", BAKEN_ROOT_ERROR_INVALID },
  { "threshold-0", "\"threshold\" : 2", "\"threshold\" : 0", BAKEN_ROOT_ERROR_INVALID },
  { "threshold-over", "\"threshold\" : 2", "\"threshold\" : 4", BAKEN_ROOT_ERROR_INVALID },
  { "key-not-base64", "\"content_keys\" : [\n    \"RW", "\"content_keys\" : [\n    \"XX", BAKEN_ROOT_ERROR_INVALID },
  { "duplicate-member", "\"format\" : 1,", "\"format\" : 1, \"format\" : 1,", BAKEN_ROOT_ERROR_SYNTAX },
  { "comment", "\"format\" : 1,", "\"format\" : 1, /* x */", BAKEN_ROOT_ERROR_SYNTAX },
  { "fraction", "\"threshold\" : 2", "\"threshold\" : 2.0", BAKEN_ROOT_ERROR_SYNTAX },
};

static void
test_parse_bad (gconstpointer data)
{
  const BadRoot *bad = data;
  g_autoptr(GBytes) good = version_2 ();
  g_autofree char *text = g_strndup (g_bytes_get_data (good, NULL), g_bytes_get_size (good));
  const char *at = strstr (text, bad->from);
  g_autofree char *changed = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(BakenRoot) root = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (at);
  changed = g_strdup_printf ("%.*s%s%s", (int) (at - text), text, bad->to, at + strlen (bad->from));
  bytes = g_bytes_new (changed, strlen (changed));
  root = baken_root_parse (bytes, &error);
  g_assert_null (root);
  g_assert_error (error, BAKEN_ROOT_ERROR, bad->code);
  g_test_message ("%s: %s", bad->name, error->message);
}

/* The same key twice, a root key that is also a content key, or no content key is
 * refused when the document is written, as when it is read. */
static void
test_bad_keys (void)
{
  g_autoptr(GPtrArray) twice = key_list (A, A, -1);
  g_autoptr(GPtrArray) roots = key_list (A, B, -1);
  g_autoptr(GPtrArray) content = key_list (K, -1);
  g_autoptr(GPtrArray) mixed = key_list (K, B, -1);
  g_autoptr(BakenRoot) a = baken_root_new (1, twice, 1, content);
  g_autoptr(BakenRoot) b = baken_root_new (1, roots, 1, mixed);
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autoptr(BakenRoot) c = baken_root_new (1, roots, 1, none);
  g_autoptr(GError) error = NULL;
  g_autofree char *data_a = NULL;
  g_autofree char *data_b = NULL;
  g_autofree char *data_c = NULL;

  data_a = baken_root_to_data (a, NULL, &error);
  g_assert_null (data_a);
  g_assert_error (error, BAKEN_ROOT_ERROR, BAKEN_ROOT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "twice"));
  g_clear_error (&error);
  data_b = baken_root_to_data (b, NULL, &error);
  g_assert_null (data_b);
  g_assert_error (error, BAKEN_ROOT_ERROR, BAKEN_ROOT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "both a root key and a content key"));
  g_clear_error (&error);
  data_c = baken_root_to_data (c, NULL, &error);
  g_assert_null (data_c);
  g_assert_error (error, BAKEN_ROOT_ERROR, BAKEN_ROOT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "content_keys"));
}

/* keys.json.minisig: signatures one after the other; a key that signs twice counts
 * once; anything else in the file is refused. */
static void
test_signatures (void)
{
  g_autoptr(GBytes) data = version_2 ();
  g_autoptr(GBytes) sigs = sign (data, C, D, C, A, -1);
  g_autoptr(GPtrArray) parsed = NULL;
  g_autoptr(GPtrArray) roots = key_list (C, D, E, -1);
  g_autoptr(GString) signers = g_string_new (NULL);
  g_autoptr(GString) others = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) junk = NULL;
  g_autofree char *text = NULL;

  parsed = baken_root_parse_signatures (sigs, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (parsed->len, ==, 4);
  g_assert_cmpuint (baken_root_count_signers (data, parsed, roots, signers, others), ==, 2);
  g_assert_cmpstr (others->str, ==, baken_minisign_public_key_get_id_string (pub (A)));

  text = g_strconcat (g_bytes_get_data (sigs, NULL), "more\n", NULL);
  junk = g_bytes_new (text, strlen (text));
  g_clear_pointer (&parsed, g_ptr_array_unref);
  parsed = baken_root_parse_signatures (junk, &error);
  g_assert_null (parsed);
  g_assert_error (error, BAKEN_ROOT_ERROR, BAKEN_ROOT_ERROR_SIGNATURES);
  g_clear_error (&error);

  g_clear_pointer (&junk, g_bytes_unref);
  junk = g_bytes_new_static ("", 0);
  parsed = baken_root_parse_signatures (junk, &error);
  g_assert_null (parsed);
  g_assert_error (error, BAKEN_ROOT_ERROR, BAKEN_ROOT_ERROR_SIGNATURES);
}

/* Version 2 after version 1: two of A, B, C and two of its own C, D, E. */
static void
test_chain (void)
{
  g_autoptr(BakenRoot) one = version_1 ();
  g_autoptr(GBytes) data = version_2 ();
  g_autoptr(GBytes) sigs = sign (data, B, C, D, -1);
  g_autoptr(BakenRoot) two = NULL;
  g_autoptr(GError) error = NULL;

  two = baken_root_verify_next (one, "keys.json", data, sigs, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (two->version, ==, 2);
  g_assert_true (baken_root_has_content_key (two, pub (N)));
  g_assert_true (g_bytes_equal (two->signatures, sigs));
}

static void
test_chain_refusals (void)
{
  g_autoptr(BakenRoot) one = version_1 ();
  g_autoptr(GPtrArray) roots = key_list (C, D, E, -1);
  g_autoptr(GPtrArray) content = key_list (N, -1);
  g_autoptr(GPtrArray) wrong_roots = key_list (D, E, -1);
  g_autoptr(GBytes) two = version_2 ();
  g_autoptr(GBytes) three = document (3, roots, 2, content);
  g_autoptr(GBytes) wrong = document (2, wrong_roots, 2, content);
  g_autoptr(GBytes) sigs = NULL;

  /* A skipped version. */
  sigs = sign (three, A, B, C, D, -1);
  assert_refused (one, three, sigs, BAKEN_ROOT_ERROR_VERSION, "takes only version 2 next");
  g_clear_pointer (&sigs, g_bytes_unref);

  /* Too few signatures by the root keys before: one of two. */
  sigs = sign (two, C, D, -1);
  assert_refused (one, two, sigs, BAKEN_ROOT_ERROR_THRESHOLD, "by 1 of the root keys of version 1");
  g_clear_pointer (&sigs, g_bytes_unref);

  /* The wrong keys: signed by its own keys only, which version 1 does not know. */
  sigs = sign (wrong, D, E, -1);
  assert_refused (one, wrong, sigs, BAKEN_ROOT_ERROR_THRESHOLD, "by 0 of the root keys of version 1");
  g_clear_pointer (&sigs, g_bytes_unref);

  /* Signed by the old keys but not by a threshold of its own. */
  sigs = sign (two, A, B, D, -1);
  assert_refused (one, two, sigs, BAKEN_ROOT_ERROR_THRESHOLD, "by 1 of its own root keys");
  g_clear_pointer (&sigs, g_bytes_unref);

  /* An older version played back, and the same version changed. */
  {
    g_autoptr(BakenRoot) at_two = NULL;
    g_autoptr(GBytes) good_sigs = sign (two, A, B, C, D, -1);
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) roots_1 = key_list (A, B, C, -1);
    g_autoptr(GPtrArray) content_1 = key_list (K, -1);
    g_autoptr(GBytes) old = document (1, roots_1, 2, content_1);
    g_autoptr(GBytes) old_sigs = sign (old, A, B, -1);
    g_autoptr(GPtrArray) other_content = key_list (K, -1);
    g_autoptr(GBytes) changed = document (2, roots, 2, other_content);
    g_autoptr(GBytes) changed_sigs = sign (changed, C, D, E, -1);

    at_two = baken_root_verify_next (one, "keys.json", two, good_sigs, &error);
    g_assert_no_error (error);
    assert_refused (at_two, old, old_sigs, BAKEN_ROOT_ERROR_VERSION, "played back");
    assert_refused (at_two, changed, changed_sigs, BAKEN_ROOT_ERROR_DIFFERENT, "another document");
  }
}

/* Version 0 (the configuration) without root keys takes no document. */
static void
test_anchor_without_root_keys (void)
{
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autoptr(GPtrArray) content = key_list (K, -1);
  g_autoptr(BakenRoot) anchor = baken_root_new_anchor (none, 1, content);
  g_autoptr(GPtrArray) roots = key_list (A, B, C, -1);
  g_autoptr(GBytes) one = document (1, roots, 2, content);
  g_autoptr(GBytes) sigs = sign (one, A, B, C, -1);

  g_assert_cmpuint (anchor->version, ==, 0);
  assert_refused (anchor, one, sigs, BAKEN_ROOT_ERROR_NO_ROOT_KEYS, "no [sync] root-keys");
}

/* Version 1 after the configured root keys, with their threshold. */
static void
test_anchor_chain (void)
{
  g_autoptr(GPtrArray) configured = key_list (A, B, C, -1);
  g_autoptr(GPtrArray) content = key_list (K, -1);
  g_autoptr(BakenRoot) anchor = baken_root_new_anchor (configured, 2, content);
  g_autoptr(GBytes) one = document (1, configured, 2, content);
  g_autoptr(GBytes) sigs = sign (one, C, A, -1);
  g_autoptr(GBytes) too_few = sign (one, C, -1);
  g_autoptr(BakenRoot) root = NULL;
  g_autoptr(GError) error = NULL;

  assert_refused (anchor, one, too_few, BAKEN_ROOT_ERROR_THRESHOLD, "in this kiosk's configuration");
  root = baken_root_verify_next (anchor, "keys.json", one, sigs, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (root->version, ==, 1);
}

/* A stored copy with a changed byte, or a changed signature, is not used. */
static void
test_stored_damaged (void)
{
  g_autoptr(BakenRoot) one = version_1 ();
  g_autofree char *text = g_strndup (g_bytes_get_data (one->data, NULL),
                                     g_bytes_get_size (one->data));
  g_autoptr(GBytes) changed = NULL;
  g_autoptr(BakenRoot) root = NULL;
  g_autoptr(GError) error = NULL;

  *strstr (text, "\"threshold\" : 2") = ' ';
  changed = g_bytes_new (text, strlen (text));
  root = baken_root_verify_stored ("roots/1/keys.json", changed, one->signatures, &error);
  g_assert_null (root);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "roots/1/keys.json"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_assert_true (baken_minisign_init (&error));
  for (guint i = 0; i < N_KEYS; i++)
    {
      keys[i] = baken_minisign_secret_key_generate (&error);
      g_assert_no_error (error);
    }

  g_test_add_func ("/core/root/round-trip", test_round_trip);
  for (guint i = 0; i < G_N_ELEMENTS (bad_roots); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/root/bad/%s", bad_roots[i].name);

      g_test_add_data_func (path, &bad_roots[i], test_parse_bad);
    }
  g_test_add_func ("/core/root/bad-keys", test_bad_keys);
  g_test_add_func ("/core/root/signatures", test_signatures);
  g_test_add_func ("/core/root/chain", test_chain);
  g_test_add_func ("/core/root/chain-refusals", test_chain_refusals);
  g_test_add_func ("/core/root/anchor-without-root-keys", test_anchor_without_root_keys);
  g_test_add_func ("/core/root/anchor-chain", test_anchor_chain);
  g_test_add_func ("/core/root/stored-damaged", test_stored_damaged);

  status = g_test_run ();
  for (guint i = 0; i < N_KEYS; i++)
    baken_minisign_secret_key_free (keys[i]);
  return status;
}
