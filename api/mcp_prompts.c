/* mcp_prompts.c — the MCP prompts (mcp_prompts.h): one table of prompts,
 * each with one required argument that its text ends with. */
#include "mcp_prompts.h"

#include <stdio.h>
#include <string.h>

#include "mcp_codes.h"

typedef struct prompt {
    const char *name, *title, *description;
    const char *arg, *arg_description; /* the one required argument */
    const char *text;                  /* the user message, before the argument */
} prompt;

static const prompt prompts[] = {
    {"answer_legal_question", "Answer a legal question from Vietnamese legislation",
     "Answer a question about Vietnamese law from the texts in the index, quoting the "
     "provisions it rests on and checking every citation before answering.",
     "question", "The question, in Vietnamese (diacritics optional)",
     "Trả lời câu hỏi pháp luật dưới đây chỉ dựa trên văn bản trong chỉ mục luat-search. "
     "Answer the legal question below from the indexed Vietnamese legislation only:\n"
     "1. Call search_legislation with the question (and filters if it names a type, issuer "
     "or date); read the top passages.\n"
     "2. Call get_provision for the exact text of each article or clause you rely on.\n"
     "3. Before answering, call validate_citation on every citation you will write; drop or "
     "fix any that does not exist, and say so when a document is no longer in force.\n"
     "4. Write citations in the standard form (format_citation), e.g. \"khoản 2 Điều 27 Luật "
     "Cư trú số 68/2020/QH14\", and answer in the language of the question.\n"
     "If the index holds nothing on the question, say so rather than answering from memory."
     "\n\nQuestion: "},
    {"check_citations", "Check the citations of a draft",
     "Check every legal citation in a draft answer or document against the index: does "
     "the provision exist, is the document in force, what does it say.",
     "text", "The draft whose citations to check",
     "Check every citation of Vietnamese legislation in the text below (\"khoản 2 Điều 5 "
     "Nghị định 13/2023/NĐ-CP\", \"Điều 27 Luật Cư trú\", ...):\n"
     "1. Call validate_citation for each one; report those that do not exist in the index "
     "and those whose document is no longer in force.\n"
     "2. For each that exists, compare what the text claims with the provision's wording "
     "(get_provision) and point out any mismatch.\n"
     "3. Give each citation in the standard form (format_citation).\n\nText:\n"},
};

#define NPROMPTS (sizeof prompts / sizeof prompts[0])

json_t *ls_mcp_prompts_list(void)
{
    json_t *list = json_array();
    for (size_t i = 0; list && i < NPROMPTS; i++) {
        const prompt *p = &prompts[i];
        if (json_array_append_new(list, json_pack("{s:s, s:s, s:s, s:[{s:s, s:s, s:b}]}",
                                                  "name", p->name, "title", p->title,
                                                  "description", p->description, "arguments",
                                                  "name", p->arg, "description",
                                                  p->arg_description, "required", 1))) {
            json_decref(list);
            return NULL;
        }
    }
    return list ? json_pack("{s:o}", "prompts", list) : NULL;
}

static const prompt *find(const char *name)
{
    for (size_t i = 0; i < NPROMPTS; i++)
        if (strcmp(prompts[i].name, name) == 0) return &prompts[i];
    return NULL;
}

int ls_mcp_prompt_takes(const char *name, const char *arg)
{
    const prompt *p = find(name);
    return p && strcmp(p->arg, arg) == 0;
}

int ls_mcp_prompts_get(const char *name, json_t *args, json_t **result, char *msg,
                       size_t msg_cap)
{
    *result = NULL;
    const prompt *p = find(name);
    if (!p) {
        snprintf(msg, msg_cap, "prompts/get: no prompt '%.200s' (this server offers "
                 "answer_legal_question, check_citations)", name);
        return LS_RPC_PARAMS;
    }
    const char *value = json_string_value(json_object_get(args, p->arg));
    if (!value || !*value) {
        snprintf(msg, msg_cap, "prompts/get %s: arguments.%s (a non-empty string) is required",
                 p->name, p->arg);
        return LS_RPC_PARAMS;
    }
    json_t *text = json_sprintf("%s%s", p->text, value);
    *result = text ? json_pack("{s:s, s:[{s:s, s:{s:s, s:o}}]}", "description", p->description,
                               "messages", "role", "user", "content", "type", "text", "text",
                               text)
                   : NULL;
    if (!*result) {
        snprintf(msg, msg_cap, "out of memory");
        return LS_RPC_INTERNAL;
    }
    return 0;
}
