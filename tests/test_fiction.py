"""Fiction speakers judged on the entity (issue 10): rules for the ways a novel's speaker
goes wrong, each on a short text written for the test."""

from __future__ import annotations

from conftest import check_deterministic
from quoteattr.speakers import coref
from quoteattr.speakers.dialogue import DialogueSieves
from quoteattr.speakers.names import NameMention, cluster_names
from quoteattr.text.marks import find_quoted_spans


def _record(text: str, key: int, name: str, kind: coref.EntityKind) -> coref.EntityRecord:
    record = coref.EntityRecord(key=key, name=name, kind=kind)
    start = text.find(name)
    while start >= 0:
        record.mentions.append(
            coref.Mention.of(text, start, start + len(name), coref.MentionKind.NAME)
        )
        start = text.find(name, start + 1)
    return record


def _quoted(text: str) -> list[tuple[int, int]]:
    return [(s.content_start, s.content_end) for s in find_quoted_spans(text)]


# ------------------------------------------------------------------------------ vocatives


def test_a_name_the_recogniser_missed_inside_a_quote_is_still_an_address():
    """Only the narration's "Oliver" is a mention; inside the quote the name is found by its
    form: "Yes, Oliver." addresses Oliver, who therefore does not speak it."""
    text = "Oliver Crane sat by the fire.\n“Yes, Oliver.”\n“Go on, then.”"
    oliver = coref.EntityRecord(key=0, name="Oliver Crane", kind=coref.EntityKind.PERSON)
    oliver.mentions.append(coref.Mention.of(text, 0, 12, coref.MentionKind.NAME))
    quoted = _quoted(text)
    sieves = DialogueSieves(text, [oliver], quoted)
    assert sieves._addressed([quoted[0]]) == [oliver]  # a word of the longer name
    assert sieves._addressed([quoted[1]]) == []


def test_a_whole_name_wins_over_a_word_of_a_longer_one_and_shared_words_tell_nothing():
    text = (
        "Ruth Amory Lane and her son Amory lived with Ruth Gale.\n"
        "“Amory, come here.”\n“Ruth, wait.”"
    )
    mother = _record(text, 0, "Ruth Amory Lane", coref.EntityKind.PERSON)
    son = coref.EntityRecord(key=1, name="Amory", kind=coref.EntityKind.PERSON)
    at = text.index("son Amory") + 4
    son.mentions.append(coref.Mention.of(text, at, at + 5, coref.MentionKind.NAME))
    gale = _record(text, 2, "Ruth Gale", coref.EntityKind.PERSON)
    quoted = _quoted(text)
    sieves = DialogueSieves(text, [mother, son, gale], quoted)
    assert sieves._addressed([quoted[0]]) == [son]
    assert sieves._addressed([quoted[1]]) == []  # two Ruths: no one in particular


def test_a_name_in_running_speech_is_no_address():
    text = "Oliver Crane sat by the fire.\n“I told Oliver so.”"
    oliver = _record(text, 0, "Oliver Crane", coref.EntityKind.PERSON)
    quoted = _quoted(text)
    assert DialogueSieves(text, [oliver], quoted)._addressed(quoted) == []


# ------------------------------------------------------------------------------ recogniser


def test_a_one_word_name_labelled_an_organisation_is_a_person_when_addressed(attributor):
    text = "Brannock stood at the door.\n“Brannock, come in.”"
    record = _record(text, 0, "Brannock", coref.EntityKind.ORGANIZATION)
    coref.learn_people(attributor.nlp(text), [record], _quoted(text))
    assert record.kind is coref.EntityKind.PERSON


def test_a_one_word_name_labelled_an_organisation_is_a_person_by_its_pronouns(attributor):
    text = "Brannock looked up from the table, and he smiled at the window."
    record = _record(text, 0, "Brannock", coref.EntityKind.ORGANIZATION)
    coref.learn_people(attributor.nlp(text), [record], [])
    assert record.kind is coref.EntityKind.PERSON


def test_an_organisation_with_no_personal_evidence_stays_one(attributor):
    text = "Brannock reported its results on Monday.\n“We expect more,” the bank said."
    record = _record(text, 0, "Brannock", coref.EntityKind.ORGANIZATION)
    coref.learn_people(attributor.nlp(text), [record], _quoted(text))
    assert record.kind is coref.EntityKind.ORGANIZATION


# ------------------------------------------------------------------------------ pronouns


def test_he_said_is_not_the_man_named_in_the_object_of_his_clause(attributor):
    """Binding: in "he had seen Hollis's cart" the "he" is not Hollis, so the next "said he"
    goes on with that other man (the clerk), not with the nearer name."""
    text = (
        "“What is this about?” asked Tom Hollis.\n"
        "The clerk explained that it was an old matter.\n"
        "Some weeks ago he had noticed Hollis's name on a cart at the market.\n"
        "“I did not mean to trouble you,” said he."
    )
    quotes = check_deterministic(attributor, text).quotes
    assert [q.speaker.name if q.speaker else None for q in quotes][-1] == "The clerk"


def test_a_name_that_only_modifies_a_noun_is_no_speaker(attributor):
    """ "The Merrow farm" is a farm: the reply goes to the other person of the narration."""
    text = (
        "The Merrow farm lay quiet under the snow, and Tom Hollis stood at its gate.\n"
        "“Is the Merrow farm for sale?” asked the clerk.\n"
        "“Who would buy it?”"
    )
    quotes = check_deterministic(attributor, text).quotes
    assert [q.speaker.name if q.speaker else None for q in quotes] == ["the clerk", "Tom Hollis"]


# ------------------------------------------------------------------------------ junk names


def test_a_capitalised_word_opening_a_list_of_things_or_an_interjection_is_no_name(attributor):
    from quoteattr.speakers.resolve import _opens_narration

    things = attributor.nlp("Cushions, books, a footstool and a lamp filled the little room.")
    person = attributor.nlp("Tom, the clerk, came in from the yard.")
    assert _opens_narration(things[0]) is True
    assert _opens_narration(person[0]) is False


def test_he_never_refers_to_the_first_person_narrator(attributor):
    text = (
        "Master Giles Fenwick rode up to my gate at dusk.\n"
        "“You keep a careful house,” he said.\n"
        "“I must,” I said, and I barred the gate behind him.\n"
        "“Then keep it well,” he answered."
    )
    quotes = check_deterministic(attributor, text).quotes
    names = [q.speaker.name if q.speaker else None for q in quotes]
    assert names[-1] is not None and names[-1] != "the narrator"
    assert names[-1] == names[0]


# ------------------------------------------------------------------------------ narrator


def _speaker_names(attributor, text: str) -> list[str | None]:
    quotes = check_deterministic(attributor, text).quotes
    return [q.speaker.name if q.speaker else None for q in quotes]


def test_the_narrator_takes_the_name_others_address_them_by(attributor):
    text = (
        "I came down to the harbour at first light.\n"
        "“Good morning, Tobias,” said the ferryman.\n"
        "“Good morning,” I said.\n"
        "“Will you cross today, Tobias?”\n"
        "“Not today.”\n"
        "“Then tomorrow, Tobias,” he said with a shrug."
    )
    names = _speaker_names(attributor, text)
    assert names == ["the ferryman", "Tobias", "the ferryman", "Tobias", "the ferryman"]


def test_the_narrator_who_says_my_name_is_takes_that_name(attributor):
    text = (
        "I stood at the counter.\n“My name is Tobias Grey,” I said.\n“Sign here,” said the clerk."
    )
    assert _speaker_names(attributor, text)[0] == "Tobias Grey"


def test_a_person_the_narration_names_is_not_the_narrator(attributor):
    """Tobias is named in the narration: a third person, whoever the ferryman greets."""
    text = (
        "I came down to the harbour with Tobias at first light.\n"
        "“Good morning, Tobias,” said the ferryman.\n"
        "“Good morning,” I said.\n"
        "“Will you cross today, Tobias?”\n"
        "“Not today,” I said."
    )
    names = _speaker_names(attributor, text)
    assert names[1] == names[3] == "the narrator"


# ------------------------------------------------------------------------------ names


def _names(*texts: str) -> list[NameMention]:
    out, pos = [], 0
    for text in texts:
        mention = coref.Mention(pos, pos + len(text), text, coref.MentionKind.NAME)
        out.append(NameMention(mention, coref.EntityKind.PERSON))
        pos += len(text) + 2
    return out


def test_miss_surname_beside_a_sister_called_by_her_forename_is_the_elder_sister():
    found = cluster_names(
        _names("Hester Vane", "Miss Vane", "Hester", "Miss Vane", "Hester", "Vane")
    )
    by_name = {c.name: c.members for c in found}
    assert by_name == {"Hester Vane": [0, 2, 4], "Miss Vane": [1, 3, 5]}


def test_the_elder_sister_is_found_when_miss_surname_comes_before_the_full_name():
    """ "Miss Vane" is two words too; it is no full name to take the forename from."""
    found = cluster_names(
        _names("Miss Vane", "Hester Vane", "Hester", "Miss Vane", "Hester", "Vane")
    )
    by_name = {c.name: c.members for c in found}
    assert by_name == {"Hester Vane": [1, 2, 4], "Miss Vane": [0, 3, 5]}


def test_one_woman_called_miss_surname_and_once_by_her_forename_stays_one():
    found = cluster_names(_names("Hester Vane", "Miss Vane", "Hester", "Miss Vane"))
    assert [c.members for c in found] == [[0, 1, 2, 3]]


def test_he_does_not_take_a_one_word_name_the_forename_list_gives_the_other_gender(attributor):
    text = (
        "Alexandra waited by the wagon while Carl went into the store.\n"
        "Alexandra counted the money again.\n"
        "“They have no spikes left,” he called from the door."
    )
    assert _speaker_names(attributor, text)[-1] == "Carl"


def test_a_possessed_thing_as_subject_stands_for_its_owner(attributor):
    """ "His little lantern swung" tells that he goes on: the speaker is the lantern's
    owner, not a character called "His little lantern"."""
    text = (
        "“Is anyone there?” asked Martha Reed.\n"
        "Tom Baker came up the path at last.\n"
        "His little lantern swung in the dark.\n"
        "“Only me, and late as usual.”"
    )
    assert _speaker_names(attributor, text)[-1] == "Tom Baker"


def test_a_speaker_who_says_who_they_are_is_that_person(attributor):
    """The narration before the quote is about the stranger, but the speaker names
    himself: "I am only Tom Baker"."""
    text = (
        "Tom Baker and a stranger stood by the well.\n"
        "“Good day to you, sir,” said the stranger.\n"
        "The stranger waited, hat in hand.\n"
        "“Sir? No sir, for I am only Tom Baker, the carter.”"
    )
    assert _speaker_names(attributor, text)[-1] == "Tom Baker"


def test_her_voice_as_subject_is_she(attributor):
    """ "voice" is a person noun ("a voice called"), but "her voice" is hers."""
    text = (
        "“Is anyone there?” asked Tom Baker.\n"
        "Martha Reed came out onto the step.\n"
        "Her voice shook in the cold.\n"
        "“Only me, and late as usual.”"
    )
    assert _speaker_names(attributor, text)[-1] == "Martha Reed"


def test_a_cue_whose_subject_is_a_possessed_body_part_is_its_owners(attributor):
    """ "his face said plainly": the speaker is the man whose face it is, not an entity
    called "his face"."""
    text = (
        "“Is anyone there?” asked Martha Reed.\n"
        "Tom Baker came up the path at last.\n"
        "“I told you so,” his face said plainly."
    )
    assert _speaker_names(attributor, text)[-1] == "Tom Baker"


def test_a_description_set_off_by_a_dash_restates_the_person_before_it(attributor):
    """ "the girl -- the soul that had called him": one girl, so the later "she" is hers,
    not a character called "the soul"."""
    text = (
        "Tom Baker walked home alone through the dark wood.\n"
        "Had he dreamed it all ?\n"
        "Where was the girl -- the soul that had called him ?\n"
        "“ Come back tomorrow ! ”\n"
        "She had been real .\n"
        "“ Come back , I say ! ” she called ."
    )
    assert _speaker_names(attributor, text)[-1] == "the girl"


def test_he_takes_a_character_described_by_a_person_noun_over_an_earlier_name(attributor):
    """ "The guide stood on the bank. “…,” he said": *the guide* (a person noun of
    ``ungendered_people``) is the subject just before *he*, so he speaks, not Terry."""
    text = (
        "Terry Nicholson and I followed the river for a whole day.\n"
        "The guide stood quietly on the bank.\n"
        "“ Up there , ” he said , pointing to the falls ."
    )
    quotes = check_deterministic(attributor, text).quotes
    direct = [q for q in quotes if q.text.startswith("Up there")]
    assert len(direct) == 1
    assert direct[0].speaker is not None and direct[0].speaker.name == "The guide"


def test_he_never_refers_to_a_thing_taken_for_a_source(attributor):
    """ "The brass lamp revealed a crack": the lamp is a source of sorts, but nothing in its
    words says it is a person, so the next "he said" goes back to Tom Baker."""
    text = (
        "Tom Baker sat down at the kitchen table with his sister.\n"
        "The old brass lamp revealed a long crack in the ceiling.\n"
        "“It will fall on us one day,” he said."
    )
    assert _speaker_names(attributor, text)[-1] == "Tom Baker"


def test_a_he_with_no_one_to_refer_to_is_an_unnamed_person_of_his_own(attributor):
    """No man is named or described before "he said": he is someone the text has not
    named, and the later "he went on" is the same person, never the woman beside him."""
    text = (
        "Anna Kowalski sat alone by the window of the evening train.\n"
        "Somebody behind her leaned forward over the back of her seat.\n"
        "“That is the prettiest town in the whole valley,” he said.\n"
        "“Is it?” she answered.\n"
        "She looked out at the lights.\n"
        "“I know it well,” he went on."
    )
    quotes = check_deterministic(attributor, text).quotes
    first, last = quotes[0].speaker, quotes[-1].speaker
    assert first is not None and last is not None
    assert first.id == last.id and first.gender == "male" and not first.named
    assert quotes[1].speaker is not None and quotes[1].speaker.name == "Anna Kowalski"


def test_a_name_called_out_inside_the_quote_is_never_its_source(attributor):
    """The parse takes the name a quote calls out, or a word inside the marks, for the
    subject of the cue; the speaker is the one named after the cue or between the quote and
    its cue."""
    called = (
        "Tobias Crane came in from the yard.\n"
        "“ Tobias ! ” exclaimed my brother ’s wife , blushing very prettily ."
    )
    (quote,) = check_deterministic(attributor, called).quotes
    assert quote.speaker is not None and quote.speaker.name == "my brother ’s wife"
    assert quote.speaker_mention is not None and quote.speaker_mention.text.endswith("wife")
    between = (
        "“That was a fine speech you gave, Mr. Mayor,” Councillor Ann Roe, of the harbour "
        "ward, told Mr. Novak at the door."
    )
    (quote,) = check_deterministic(attributor, between).quotes
    assert quote.speaker is not None and quote.speaker.name == "Ann Roe"
