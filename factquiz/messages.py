"""The one message catalogue of `play`, `review` and `stats`, in French and English.

Every word those commands show comes from here, so a French bank gets a French screen.
Values filled in may be untrusted (prompts, answers): callers still print the result
through `safe_text` as plain text, never as markup.
"""

from __future__ import annotations

LANGUAGES = ("fr", "en")

CATALOGUE: dict[str, dict[str, str]] = {
    "fr": {
        "question_of": "Question {k}/{n}",
        "score_so_far": "Score : {earned}/{possible}",
        "help": "? indice (crédit divisé par deux) · !skip passer · !quit enregistrer et quitter",
        "type_open": "Tapez votre réponse.",
        "type_choice": "Tapez le numéro de votre choix.",
        "type_claim": "Tapez 1, 2 ou 3.",
        "verdict.supported": "Confirmé par les sources",
        "verdict.refuted": "Contredit par les sources",
        "verdict.not_in_sources": "Absent des sources",
        "outcome.correct": "Juste",
        "outcome.review": "À revoir",
        "outcome.wrong": "Faux",
        "outcome.skipped": "Passée",
        "your_answer": "Votre réponse : {answer}",
        "expected": "Réponse attendue : {answer}",
        "source": "Source : {source}",
        "hint_used": "Indice utilisé : crédit divisé par deux.",
        "comes_back": "Cette question reviendra plus loin.",
        "hint.text": "Indice : {text}",
        "hint.letters": "Indice : la réponse s'écrit {text}",
        "hint.choices": "Indice : c'est l'une de ces réponses : {text}",
        "hint.source": "Indice : relisez {text}",
        "hint.source_unknown": "Indice : relisez l'article.",
        "summary": "Bilan",
        "col.skill": "Compétence",
        "col.asked": "Questions",
        "col.correct": "Justes",
        "col.score": "Score",
        "skill.who": "qui",
        "skill.what": "quoi",
        "skill.when": "quand",
        "skill.where": "où",
        "skill.number": "chiffres",
        "skill.attribution": "attribution",
        "skill.verification": "vérification",
        "skill.-": "sans compétence",
        "time_taken": "Temps : {time}",
        "final_score": "Score : {earned}/{possible} ({percent} %)",
        "missed": "À revoir",
        "no_missed": "Aucune erreur. Bravo !",
        "saved_to": "Scores enregistrés dans {path}",
        "nothing_saved": "Aucune réponse donnée : rien n'a été enregistré.",
        "interrupted": "Session interrompue : les réponses données sont enregistrées.",
        "ask_name": "Votre nom : ",
        "name_kept": "Bonjour {name} ! Ce nom sera retenu pour la prochaine fois.",
        "need_name": "Aucun nom d'élève : donnez --student NOM ou la variable FACTQUIZ_STUDENT.",
        "review_title": "Révision : {n} question(s) de « {bank} »",
        "nothing_to_review": "Rien à réviser : aucune erreur ni indice enregistré pour {name}.",
        "nothing_due": "Rien à réviser aujourd'hui. Prochaine révision : {date}.",
        "bank_missing": "Banque « {bank} » introuvable : ses {n} question(s) sont ignorées.",
        "stats_title": "Progression de {name}",
        "no_scores": "Aucun score enregistré pour {name}.",
        "by_bank": "Justesse par banque",
        "by_skill": "Justesse par compétence",
        "col.bank": "Banque",
        "col.answers": "Réponses",
        "col.all": "Total",
        "trend": "Scores par session",
        "most_missed": "Questions les plus manquées",
        "col.item": "Question",
        "col.missed": "Manquée",
        "col.expected": "Réponse attendue",
        "interrupted_mark": "interrompue",
        "review_mark": "révision",
        "duration": "{m} min {s} s",
        "duration_s": "{s} s",
        "percent": "{p} %",
        "q_open": "« ",
        "q_close": " »",
    },
    "en": {
        "question_of": "Question {k} of {n}",
        "score_so_far": "Score: {earned}/{possible}",
        "help": "? hint (halves the credit) · !skip skip · !quit save and quit",
        "type_open": "Type your answer.",
        "type_choice": "Type the number of your choice.",
        "type_claim": "Type 1, 2 or 3.",
        "verdict.supported": "Supported by the sources",
        "verdict.refuted": "Contradicted by the sources",
        "verdict.not_in_sources": "Not in the sources",
        "outcome.correct": "Correct",
        "outcome.review": "To review",
        "outcome.wrong": "Wrong",
        "outcome.skipped": "Skipped",
        "your_answer": "Your answer: {answer}",
        "expected": "Expected answer: {answer}",
        "source": "Source: {source}",
        "hint_used": "Hint used: credit halved.",
        "comes_back": "This question will come back later.",
        "hint.text": "Hint: {text}",
        "hint.letters": "Hint: the answer looks like {text}",
        "hint.choices": "Hint: it is one of these: {text}",
        "hint.source": "Hint: read {text} again",
        "hint.source_unknown": "Hint: read the article again.",
        "summary": "Summary",
        "col.skill": "Skill",
        "col.asked": "Questions",
        "col.correct": "Correct",
        "col.score": "Score",
        "skill.who": "who",
        "skill.what": "what",
        "skill.when": "when",
        "skill.where": "where",
        "skill.number": "numbers",
        "skill.attribution": "attribution",
        "skill.verification": "verification",
        "skill.-": "no skill",
        "time_taken": "Time: {time}",
        "final_score": "Score: {earned}/{possible} ({percent}%)",
        "missed": "To go over",
        "no_missed": "No mistakes. Well done!",
        "saved_to": "Scores saved in {path}",
        "nothing_saved": "No answer given: nothing was saved.",
        "interrupted": "Session interrupted: the answers given are saved.",
        "ask_name": "Your name: ",
        "name_kept": "Hello {name}! This name will be remembered for next time.",
        "need_name": "No student name: give --student NAME or set FACTQUIZ_STUDENT.",
        "review_title": "Review: {n} question(s) from \u201c{bank}\u201d",
        "nothing_to_review": "Nothing to review: no mistakes or hints on record for {name}.",
        "nothing_due": "Nothing to review today. Next review: {date}.",
        "bank_missing": "Bank \u201c{bank}\u201d not found: its {n} question(s) are left out.",
        "stats_title": "Progress of {name}",
        "no_scores": "No scores yet for {name}.",
        "by_bank": "Accuracy by bank",
        "by_skill": "Accuracy by skill",
        "col.bank": "Bank",
        "col.answers": "Answers",
        "col.all": "All",
        "trend": "Scores by session",
        "most_missed": "Most missed questions",
        "col.item": "Question",
        "col.missed": "Missed",
        "col.expected": "Expected answer",
        "interrupted_mark": "interrupted",
        "review_mark": "review",
        "duration": "{m} min {s} s",
        "duration_s": "{s} s",
        "percent": "{p}%",
        "q_open": "\u201c",
        "q_close": "\u201d",
    },
}


def pick_language(bank_language: str | None, override: str | None = None) -> str:
    """`--lang` if given, else French for a French bank and English for any other."""
    if override:
        return override
    return "fr" if (bank_language or "").lower().split("-")[0] == "fr" else "en"


class Messages:
    """The catalogue in one language: `msg("expected", answer=...)`."""

    def __init__(self, lang: str) -> None:
        if lang not in CATALOGUE:
            raise ValueError(f"no messages for language {lang!r}")
        self.lang = lang
        self._table = CATALOGUE[lang]

    def __call__(self, key: str, **values: object) -> str:
        return self._table[key].format(**values)

    def skill(self, skill: str | None) -> str:
        """A skill's name in this language (an unknown skill is shown as written)."""
        return self._table.get(f"skill.{skill or '-'}", skill or "-")

    def number(self, value: float) -> str:
        """`7.5` as `7,5` in French; whole numbers without decimals."""
        text = f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"
        return text.replace(".", ",") if self.lang == "fr" else text

    def duration(self, seconds: float) -> str:
        """`2 min 5 s`, or `42 s` under a minute."""
        total = round(seconds)
        minutes, secs = divmod(total, 60)
        if minutes:
            return self("duration", m=minutes, s=secs)
        return self("duration_s", s=secs)
