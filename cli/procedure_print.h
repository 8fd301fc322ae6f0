/* procedure_print.h — a procedure card (corpus/procedure.h's JSON) for a
 * terminal: what to bring, where, how long, what it costs, on which basis. */
#ifndef LS_CLI_PROCEDURE_PRINT_H
#define LS_CLI_PROCEDURE_PRINT_H

#include <stdio.h>

/* Print the card in card_json to out; `full` adds the steps, conditions and
 * every dossier item (else the first five). Prints nothing for bad JSON. */
void cli_print_procedure(FILE *out, const char *card_json, int full, const char *indent);

#endif
