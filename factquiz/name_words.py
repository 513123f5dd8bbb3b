"""Word tables about names: which surnames come first, which nouns name a category, a
title or a role, and short forms of given names. Folded words (lower case, no accents).
"""

from __future__ import annotations

# Korean and Chinese surnames come first: `Kim` is the surname of `Kim Jong-un`.
SURNAME_FIRST = frozenset(
    str.split(
        "kim lee li ri yi rhee park pak choi choe jo cho chung jung jeong kang yoon yun jang "
        "lim im han oh seo shin kwon hwang ahn an song hong moon mun xi mao hu deng zhou wang "
        "zhang liu chen"
    )
)


# Nouns that name what kind of thing a name is: `Vostochny` is enough for `le cosmodrome de
# Vostochny`, while `Ukraine` is not enough for `la guerre en Ukraine`.
CATEGORY_NOUNS = frozenset(
    str.split(
        "ville village port gare aeroport cosmodrome base region province republique pays etat "
        "fleuve riviere lac mont montagne ile mer ocean cap baie quartier rue avenue universite "
        "agence journal ministere parti groupe entreprise compagnie societe usine forum sommet "
        "city town village port station airport base region province republic country state "
        "river lake mount mountain island sea ocean cape bay county district street university "
        "agency newspaper ministry party group company firm factory summit projet programme "
        "project program"
    )
)

# Words that describe a person before the name (folded): `le gouverneur Kozhemyako`,
# `President Nixon`. Any other word just before a surname is read as a given name.
ROLE_NOUNS = frozenset(
    str.split(
        "gouverneur ministre president presidente premier premiere secretaire general generale "
        "porte parole dirigeant dirigeante chef leader maire depute senateur ambassadeur "
        "directeur directrice patron roi reine prince princesse pape colonel capitaine "
        "commandant marechal amiral juge procureur professeur docteur monsieur madame "
        "camarade vice adjoint conseiller conseillere envoye delegue homologue m mme mlle mr "
        "mrs ms dr sir lord lady saint st governor minister secretary spokesman spokeswoman "
        "spokesperson chief head mayor senator congressman congresswoman representative "
        "ambassador director chairman chairwoman ceo king queen princess pope captain "
        "commander marshal admiral judge justice prosecutor professor doctor mister comrade "
        "deputy adviser advisor envoy delegate counterpart maestro"
    )
)
# Other words that may stand before a surname and are no given name: `South Sudan`.
NOT_GIVEN_NAMES = ROLE_NOUNS | frozenset(
    str.split(
        "russe russian nord coreen korean sud est ouest north south east west northern "
        "southern eastern western new old"
    )
)


# Short forms of given names that do not begin like the name (`Dave` does: `David`).
_SHORT_FORMS = (
    ("james", "jim jimmy jamie"),
    ("william", "bill billy will willy liam"),
    ("robert", "bob bobby rob robbie bert"),
    ("richard", "dick rick ricky rich"),
    ("edward", "ted teddy ed eddie ned"),
    ("john", "jack johnny"),
    ("henry", "harry hank"),
    ("margaret", "peggy maggie meg"),
    ("elizabeth", "liz lizzie beth betty bess"),
    ("katherine", "kate katie kathy kitty"),
    ("catherine", "cathy kate katie"),
    ("anthony", "tony"),
    ("charles", "chuck charlie"),
    ("alexander", "sasha sacha"),
    ("alexandre", "sasha sacha"),
    ("dmitri", "dima"),
    ("vladimir", "volodia vova"),
    ("mikhail", "misha"),
    ("ivan", "vania vanya"),
    # The English and French forms of Russian given names: `Peter Tchaikovsky`.
    ("pyotr", "peter pierre"),
    ("fyodor", "theodore"),
    ("nikolai", "nicholas nicolas"),
    ("yekaterina", "catherine"),
)
SHORT_FORMS: dict[str, frozenset[str]] = {}
for _name, _shorts in _SHORT_FORMS:
    for _short in _shorts.split():
        SHORT_FORMS[_short] = SHORT_FORMS.get(_short, frozenset()) | {_name}


# Small words that a person's name never has (`Climate of Dundee` is no person).
NOT_IN_NAMES = frozenset(str.split("of the and et in on at for to by a an au aux en sur pour par"))
