/* test-root-cli.c: the worked rotation of docs/content-format.md with the baken-bundle
 * command (root-make, root-sign, root-inspect, build --root-version, verify --root),
 * and stock minisign adding a signature
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>

#include "test-util.h"

static const char *tool;
static char *dir;

static char *
path (const char *name)
{
  return g_build_filename (dir, name, NULL);
}

/* Runs the tool (or minisign) with the arguments up to NULL; returns its exit status and
 * its output (stdout and stderr) in *output (nullable). */
static int
run (char       **output,
     const char  *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  va_list args;
  int status;

  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  status = baken_test_run_with_input ((const char * const *) argv->pdata, dir, TRUE, NULL,
                                      &out);
  g_test_message ("%s %s → %d\n%s", first, (const char *) argv->pdata[1], status, out);
  if (output != NULL)
    *output = g_steal_pointer (&out);
  g_assert_cmpint (status, >=, 0);
  return status;
}

static void
assert_output (int         expected,
               int         status,
               const char *output,
               const char *fragment)
{
  g_assert_cmpint (status, ==, expected);
  if (fragment != NULL && strstr (output, fragment) == NULL)
    g_error ("\"%s\" is not in \"%s\"", fragment, output);
}

static void
test_worked_rotation (void)
{
  g_autofree char *src = g_test_build_filename (G_TEST_DIST, "data", "build", NULL);
  g_autofree char *minisign = g_find_program_in_path ("minisign");
  g_autofree char *out = NULL;
  int status;

  for (guint i = 0; i < 4; i++)
    {
      const char *names[] = { "root-a", "root-b", "root-c", "baken-2027" };

      g_assert_cmpint (run (NULL, tool, "keygen", "--unencrypted", names[i], NULL), ==, 0);
    }

  /* 2. Root version 1, naming the new content key. */
  status = run (&out, tool, "root-make", "keys.json", "--version", "1", "--threshold", "2",
                "--root-key", "root-a.pub", "--root-key", "root-b.pub", "--root-key",
                "root-c.pub", "--content-key", "baken-2027.pub", NULL);
  assert_output (0, status, out, "root version 1");
  g_clear_pointer (&out, g_free);

  /* A root key can never be a content key. */
  status = run (&out, tool, "root-make", "bad.json", "--version", "1", "--threshold", "1",
                "--root-key", "root-a.pub", "--content-key", "root-a.pub", NULL);
  assert_output (1, status, out, "both a root key and a content key");
  g_clear_pointer (&out, g_free);

  /* Not signed yet, then by one of two: refused. */
  status = run (&out, tool, "root-inspect", "keys.json", NULL);
  assert_output (1, status, out, "signatures: none");
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (NULL, tool, "root-sign", "keys.json", "--key", "root-a.key", NULL), ==, 0);
  status = run (&out, tool, "root-sign", "keys.json", "--key", "root-a.key", NULL);
  assert_output (1, status, out, "already");
  g_clear_pointer (&out, g_free);
  status = run (&out, tool, "root-inspect", "keys.json", "--threshold", "2", "--root-key",
                "root-a.pub", "--root-key", "root-b.pub", "--root-key", "root-c.pub", NULL);
  assert_output (1, status, out, "has valid signatures by 1 of");
  g_clear_pointer (&out, g_free);

  /* 3. The second signature, with the stock tool when it is there. */
  if (minisign != NULL)
    {
      g_autofree char *sig_b = path ("sig-b");
      g_autofree char *all = path ("keys.json.minisig");
      g_autofree char *first = NULL;
      g_autofree char *second = NULL;
      g_autofree char *both = NULL;

      g_assert_cmpint (run (NULL, minisign, "-S", "-s", "root-b.key", "-m", "keys.json", "-x",
                            "sig-b", NULL), ==, 0);
      g_assert_true (g_file_get_contents (all, &first, NULL, NULL));
      g_assert_true (g_file_get_contents (sig_b, &second, NULL, NULL));
      both = g_strconcat (first, second, NULL);
      g_assert_true (g_file_set_contents (all, both, -1, NULL));
    }
  else
    {
      g_assert_cmpint (run (NULL, tool, "root-sign", "keys.json", "--key", "root-b.key", NULL),
                       ==, 0);
    }

  /* 4. As a kiosk at version 0 checks it. */
  status = run (&out, tool, "root-inspect", "keys.json", "--threshold", "2", "--root-key",
                "root-a.pub", "--root-key", "root-b.pub", "--root-key", "root-c.pub", NULL);
  assert_output (0, status, out, "OK: a kiosk at root version 0 takes this document");
  g_clear_pointer (&out, g_free);
  /* Not by the root keys of another kiosk. */
  status = run (&out, tool, "root-inspect", "keys.json", "--threshold", "1", "--root-key",
                "root-c.pub", NULL);
  assert_output (1, status, out, "REFUSED");
  g_clear_pointer (&out, g_free);

  /* 5. The first bundle under root 1, from serial 1, checked with the new root. */
  g_assert_cmpint (run (NULL, tool, "build", src, "publish", "--serial", "1",
                        "--root-version", "1", "--pubkey", "baken-2027.pub", NULL), ==, 0);
  g_assert_cmpint (run (NULL, tool, "sign", "publish", "--key", "baken-2027.key", NULL), ==, 0);
  status = run (&out, tool, "verify", "publish", "--root", "keys.json", NULL);
  assert_output (0, status, out, "OK: serial 1");
  g_clear_pointer (&out, g_free);
  /* With the content key alone the kiosk's version would be 0: refused. */
  status = run (&out, tool, "verify", "publish", "--pubkey", "baken-2027.pub", NULL);
  assert_output (1, status, out, "FAIL  root");
  g_clear_pointer (&out, g_free);

  /* A bundle signed by a key the root does not name is refused with --root. */
  g_assert_cmpint (run (NULL, tool, "build", src, "old", "--serial", "2", "--root-version",
                        "1", "--pubkey", "root-c.pub", NULL), ==, 0);
  g_assert_cmpint (run (NULL, tool, "sign", "old", "--key", "root-c.key", NULL), ==, 0);
  status = run (&out, tool, "verify", "old", "--root", "keys.json", NULL);
  assert_output (1, status, out, "not a trusted key");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  tool = g_getenv ("BAKEN_BUNDLE");
  if (tool == NULL)
    {
      printf ("1..0 # SKIP BAKEN_BUNDLE is not set\n");
      return 0;
    }
  dir = g_dir_make_tmp ("root-cli-XXXXXX", NULL);
  g_assert_nonnull (dir);

  g_test_add_func ("/core/root-cli/worked-rotation", test_worked_rotation);

  status = g_test_run ();
  {
    const char *rm[] = { "rm", "-rf", dir, NULL };

    baken_test_run_with_input (rm, NULL, FALSE, NULL, NULL);
  }
  g_free (dir);
  return status;
}
