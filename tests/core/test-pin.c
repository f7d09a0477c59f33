/* test-pin.c: the staff PIN hash
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib.h>

#include "baken-pin.h"

static void
test_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = baken_pin_hash ("482916", &error);
  g_autofree char *again = NULL;

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (hash, "$argon2id$v=19$m=65536,t=2,p=1$"));
  g_assert_null (strstr (hash, "482916"));
  g_assert_true (baken_pin_check_hash (hash, &error));
  g_assert_no_error (error);

  g_assert_true (baken_pin_verify (hash, "482916"));
  g_assert_false (baken_pin_verify (hash, "482917"));
  g_assert_false (baken_pin_verify (hash, "4829160"));
  g_assert_false (baken_pin_verify (hash, ""));
  g_assert_false (baken_pin_verify (hash, NULL));

  /* Salted: the same PIN never gives the same string twice. */
  again = baken_pin_hash ("482916", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hash, !=, again);
  g_assert_true (baken_pin_verify (again, "482916"));
}

static void
test_format (void)
{
  const char *bad[] = { "", "123", "1234567890123", "12a4", "12 34", "１２３４", "-1234" };
  const char *good[] = { "1234", "000000", "123456789012" };

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *hash = baken_pin_hash (bad[i], &error);

      g_test_message ("%s", bad[i]);
      g_assert_null (hash);
      g_assert_error (error, BAKEN_PIN_ERROR, BAKEN_PIN_ERROR_FORMAT);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (baken_pin_check_format (good[i], NULL));
}

static void
test_check_hash (void)
{
  const char *bad[] = {
    "1234",
    "$2y$10$abcdefghijklmnopqrstuuJ6vZ6bZ7yFQ3ZQ4i7dQ0c8m3b1xZp2K",  /* bcrypt */
    "$argon2i$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$iWh06vD8Fy27wf9npn6FXWiCX4K6pW6Ue1Bnzz07Z8A",
    "$argon2id$",
    "$argon2id$v=19$m=65536,t=2,p=1$!!!$???",
    "",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", bad[i]);
      g_assert_false (baken_pin_check_hash (bad[i], &error));
      g_assert_error (error, BAKEN_PIN_ERROR, BAKEN_PIN_ERROR_HASH);
      g_assert_nonnull (strstr (error->message, "baken --hash-pin"));
      g_assert_false (baken_pin_verify (bad[i], "1234"));
    }
  g_assert_false (baken_pin_check_hash (NULL, NULL));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pin/round-trip", test_round_trip);
  g_test_add_func ("/pin/format", test_format);
  g_test_add_func ("/pin/check-hash", test_check_hash);

  return g_test_run ();
}
