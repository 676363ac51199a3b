"""Emergencies told without an emergency word: a person who cannot move, smoke from a house, water inside.

Callers often describe what they see instead of naming it ("ada yang tergeletak di jalan", "asap hitam
dari rumah tetangga", "air sudah masuk rumah, sepaha").  A cue is a pair of word roles said close
together (within :data:`WINDOW` words, in either order): a *person* with a *helpless state*, *smoke*
with *where/what colour*, *water* that *enters* a *home* or stands at a *body depth*, *ground* that
*moves*.  Word roles, not phrases: each class is ordinary Indonesian/Javanese vocabulary, so a cue also
fires on a wording nobody wrote down.  A cue makes the urgency Darurat (see :mod:`urgency`).
"""

# ruff: noqa: SIM905  (word lists read best as one string)
from __future__ import annotations

from itertools import pairwise

from radio_desk.triage import text as tx

WINDOW = 6  # words between the two roles of a cue

PERSON, HELPLESS, STILL, NOT, SMOKE, SMOKE_COLOUR, FROM, BUILDING, WATER, ENTERS = tx.word_lists(
    """
    person: orang orange wong tiyang anak bocah lare kakek nenek mbah simbah lansia bapak ibu pria wanita
        perempuan laki cowok cewek pengendara pengendaranya penumpang penumpangnya sopir sopire sopirnya
        supir pejalan korban tetangga tanggaku tanggane bayi balita pemuda warga seseorang yang sing
        ingkang pemotor pesepeda
        # kin ("bojoku ora sadar", "mertua saya jatuh"); possessive endings come off first (``_persons``)
        suami istri bojo garwa mertua cucu putu putra putri adik adhik kakak ayah emak mbok ponakan
        keponakan
    helpless: tergeletak terkapar tergolek kejang kejangkejang berbusa terjepit kejepit terhimpit tercebur
        kecebur nyemplung kecemplung njegur kejegur terperosok ceblok semaput pingsan kelenger sesak megap
        sekarat kritis kegiles terlindas tenggelam klelep kintir gumlethak nggeletak ngglethak tertimpa
        ketiban kejatuhan
    # "tidak gerak", "ora obah", "mboten obah": a person who does not move
    still: gerak bergerak obah usik sadar nafas napas bernapas ambegan
        # "dipanggil nggak nyahut", "diceluk ora krungu": a person who does not answer
        nyahut menyahut njawab jawab krungu nyauri respon merespon
    not: tidak ora mboten boten gak nggak ndak
    smoke: asap asape asapnya kebul kebule kukus
    smoke_colour: hitam ireng cemeng tebal kandel pekat mengepul ngebul membumbung
    from: dari saking keluar metu medal
    building: rumah omah omahe griya atap gendheng genteng jendela kamar dapur gudang toko kios
    water: air banyu toya banjir banjire
    enters: masuk mlebu mlebet merendam ngrendem menggenangi
    """
)
HOME, DEPTH, GROUND, MOVES, VEHICLE, INTO_WATER, AGGRESSION, WEAPON, GOT_OUT = tx.word_lists(
    """
    home: rumah omah griya kamar dapur
    # deep enough that people are in danger (a knee-deep street is a drainage complaint)
    depth: sepinggang sedada seleher sepundak pinggang dada leher atap loteng
        dhadha gulu bangkekan pundhak genteng gendheng  # Javanese: "kebanjiran tekan dhadha"
    ground: tanah tebing lemah siti bukit
    moves: bergerak gerak turun merosot merekah gemuruh gludug
    vehicle: mobil motor truk bus pikap perahu sampan montor
    into_water: nyemplung kecemplung tercebur kecebur terguling terbalik njegur kejegur
    aggression: ngamuk mengamuk ngancam mengancam menyerang nyerang membacok mbacok ngoyak mengejar ngejar
        nguber
    weapon: parang celurit clurit golok pisau arit sajam senjata bedil pistol
    got_out: dikeluarkan dievakuasi diselamatkan dientas diangkat ditolong metu keluar
    """
)
ANYONE, GAS, GAS_SIGN, SUDDEN, SIGNS, FALL, WATER_BODY, NOT_A_FIRE, NOT_A_FLOOD = tx.word_lists(
    """
    anyone: yang sing ingkang warga  # a person, but not one in danger by itself
    gas: gas elpiji
    gas_sign: bau ambune menyengat bocor
    # "tiba-tiba bicaranya pelo, mulutnya mencong": a stroke, said by what the caller sees
    sudden: tiba mendadak ujug
    signs: pelo mencong perot lumpuh kejang pingsan semaput sesak lemas
    # "jatuh ke sungai", "dhawah teng kali": someone fell into water
    fall: jatuh tiba dhawah ceblok kecemplung nyemplung tercebur kecebur
    water_body: kali sungai sumur bengawan kedung waduk embung
    # smoke from a chimney or burning rubbish, water through a roof or from a drain: no emergency
    not_a_fire: pabrik cerobong pembakaran bakar dibakar sampah knalpot
    not_a_flood: hujan selokan got saluran comberan parit atap bocor talang pipa
    """
)
LEAK, SAFE, MAYBE, HEDGES, REACHES = tx.word_lists(
    """
    leak: bocor talang pipa
    # "wong e selamet", "warga selamat": the people are safe
    safe: selamat selamet slamet
    # "bisa kesetrum", "iso kecelakaan", "sebelum ada korban", "jangan sampai ada korban", "nunggu ada
    # korban": what may happen (right before the danger word)
    maybe: bisa iso isa saged sebelum jangan nunggu menunggu sewaktu potensi berpotensi
    # "hampir kecemplung", "nyaris tabrakan", "takut roboh": what did not (yet) happen is no emergency
    hedges: hampir nyaris meh takut khawatir kuatir wedi ajrih
        kira kirain dikira ngira kirane  # "saya kira kebakaran" (it was not)
    # "hampir sampai genteng", "meh tekan atap": a level the water reaches now, not a near miss
    reaches: sampai sampe nyampe tekan mencapai setinggi
    """
)
THINKERS = frozenset("saya aku kula kulo sy tak tek kami".split())  # "saya kira ..."
CALLED = frozenset("dipanggil diceluk diundang ditimbali diundang dipanggili".split())
AGE = frozenset("umur usia umure umurnya yuswa".split())
# "istri saya mau lahiran sekarang", "ketubannya sudah pecah": a birth now
LABOUR = frozenset("lahiran melahirkan babaran bersalin lairan".split())
# "ternyata cuma masak", "jebule ora": what the caller says next takes the danger back
RETRACT, RETRACT_HOW = tx.word_lists(
    """
    retract: ternyata jebul jebule tibake
    retract_how: cuma hanya mung namung bukan ora mboten nggak tidak gak
    """
)
# signs of an illness or injury seen now ("sesak napas, bibirnya biru", "pelo, raine mencong", "kejang,
# kaku"): a grave one said with another is an emergency; one alone, or mild ones only ("diare, muntah,
# lemas" after dirty water), is a complaint
GRAVE_SIGNS = frozenset(
    "pelo mencong perot lumpuh kejang pingsan semaput sesak biru membiru kaku anyep ngorok mendengkur".split()
)
SYMPTOMS = GRAVE_SIGNS | frozenset("lemas lemes muntah keringat kesemutan pucat bengkak".split())
BITE, VENOMOUS, BLOOD, FLOWS, STOPS = tx.word_lists(
    """
    # "digigit ular weling", "disengat tawon", "dicokot ula": a venomous bite
    bite: digigit gigit kegigit dipatok dicokot kecokot disengat sengat nyengat nyokot
    venomous: ular ula weling kobra tawon kalajengking lebah
    # "kepalane ngucur darah", "darahnya nggak berhenti": bleeding that does not stop
    blood: darah getih
    flows: ngucur mengucur ngocor mancur muncrat nyembur
    stops: berhenti mandheg mandek leren mampet
    """
)
# "masih ada lansia di dalam rumah", "anake isih nang njero kamar": someone still inside, in a call
# that tells of water, fire or a collapse
INSIDE, HAZARD = tx.word_lists(
    """
    inside: dalam njero jero lebet
    hazard: banjir banyu air toya geni api latu kobong kebakaran asap longsor ambruk roboh ketimbun
        tertimbun reruntuhan
    """
)


PAST, AGO, PAPERS, SPANS, NUMBERS, DEATH, DONE, KIN, NOW, STILL_MISSING, STILL_NEG, ONE_SPAN = tx.word_lists(
    """
    # an emergency is happening now: a danger word in a clause that tells of the past, the future, of
    # something that keeps happening or has lasted days, or of its costs and papers ("kemarin istri saya
    # melahirkan", "percikan api tiap malam", "sudah tiga hari ada bau gas", "mau melahirkan bulan depan",
    # "biaya melahirkan", "korban kecelakaan belum dapat santunan") is Tinggi, unless the clause also says
    # it is going on now ("sekarang", "masih", "barusan", "tiba-tiba", "belum ketemu")
    past: kemarin kemaren kmrn wingi wingenane biyen dulu dulunya pernah sering kerep asring tiap setiap
        saben berhari berminggu berbulan bertahun almarhum almarhumah besok sesuk mbenjang
    ago: lalu kepungkur wingi kemarin kemaren depan ngarep  # "minggu lalu", "bulan depan"
    papers: biaya ongkos bayar membayar bayaran dibayar santunan klaim asuransi bpjs kis jkn iuran tagihan
        administrasi berkas syarat persyaratan surat akta
    spans: hari dina minggu bulan sasi wulan tahun taun
    numbers: dua tiga empat lima enam tujuh delapan sembilan sepuluh beberapa loro telu papat limo pitu
        kalih tigang sekawan gangsal
    death: meninggal seda wafat tilar mati
    done: sudah sampun wis telah
    kin: suami istri bojo garwa bapak ibu ayah emak mbok simbah mbah kakek nenek anak putra adik kakak
        mertua orangtua tua
    now: sekarang skrg saiki sakniki barusan masih isih tasih mendadak ujug
    still_missing: ketemu ditemukan kepanggih pulang muncul  # "belum ketemu"
    still_neg: belum blm durung dereng
    # "sudah setahun", "seminggu iki": one span, said with se-
    one_span: setahun sebulan seminggu sewulan sesasi sewindu
    """
)
OVER, LAST_NIGHT = tx.word_lists(
    """
    # "tapi sudah surut", "apinya sudah dipadamkan", "korbannya sudah dibawa ke puskesmas": it is over
    over: surut padam dipadamkan reda selesai dibawa ditolong ditangani diurus dievakuasi diselamatkan
        dimakamkan ditemukan ketemu ditangkap aman
    # "semalam", "mau bengi" (last night)
    last_night: semalam bengi
    """
)
# not_now() reads light stems ("ketemu" -> "kete"): each list with its words' light stems too
PAST, AGO, PAPERS, SPANS, NUMBERS, DEATH, DONE, KIN, NOW, STILL_MISSING, STILL_NEG, OVER = (
    words | {tx.light_stem(w) for w in words}
    for words in (PAST, AGO, PAPERS, SPANS, NUMBERS, DEATH, DONE, KIN, NOW, STILL_MISSING, STILL_NEG, OVER)
)


def _near(words: list[str], a: frozenset[str], b: frozenset[str]) -> tuple[int, int] | None:
    spots_a = [i for i, w in enumerate(words) if w in a]
    if not spots_a:
        return None
    for j, w in enumerate(words):
        if w in b:
            for i in spots_a:
                if i != j and abs(i - j) <= WINDOW:
                    return (min(i, j), max(i, j) + 1)
    return None


def _still(words: list[str]) -> list[int]:
    """Where a word of :data:`STILL` follows a negation: "tidak gerak", "ora obah"."""
    return [i for i in range(1, len(words)) if words[i] in STILL and words[i - 1] in NOT]


def _around(words: list[str], span: tuple[int, int], which: frozenset[str]) -> bool:
    return any(w in which for w in words[max(0, span[0] - 3) : span[1] + 3])


def _stuck(words: list[str]) -> tuple[int, int] | None:
    """ "orangnya masih di dalam, belum bisa dikeluarkan", "nenek belum bisa dievakuasi": people who
    cannot get out by themselves (a person near "not yet / cannot" + got out)."""
    for j, w in enumerate(words):
        if w in GOT_OUT and any(b in STILL_NEG or b in NOT for b in words[max(0, j - 3) : j]):
            near = [i for i in range(max(0, j - WINDOW), j) if words[i] in PERSON - ANYONE]
            if near:
                return (near[0], j + 1)
    return None


def emergency_cues(
    words: list[str],
    clause: list[int] | None = None,
    context: tuple[list[str], list[int], list[int]] | None = None,
) -> tuple[str, ...]:
    """The stretches of ``words`` (normalised tokens) that tell an emergency without naming it (not in
    a clause that tells of the past or of what keeps happening, when ``clause`` gives the clauses).
    ``context`` (the whole text's stems and clauses, and where each of ``words`` is in it) lets the
    words around tell when it happens."""
    words = [_persons(w) if _persons(w) in PERSON else _ter(_cue_stem(w)) for w in words]

    def now(i: int) -> bool:
        if context is None:
            return not not_now(words, i, clause)
        stems, all_clause, where = context
        return not not_now(stems, where[i], all_clause)

    return tuple(dict.fromkeys(" ".join(words[i:j]) for i, j in cue_spans(words) if now(i)))


def cue_spans(words: list[str]) -> list[tuple[int, int]]:
    """Where ``words`` (as :func:`emergency_cues` prepares them) tell an emergency without naming it, not
    said as what nearly happened or is feared (:func:`hedged`)."""
    found: list[tuple[int, int]] = []
    person_state = _near(words, PERSON, HELPLESS)
    if person_state:
        found.append(person_state)
    for i in _still(words):
        # ... a person, or someone called by name ("dipanggil nggak nyahut", "diceluk ora krungu")
        if any(w in PERSON or w in CALLED for w in words[max(0, i - WINDOW - 1) : i + WINDOW]):
            found.append((i - 1, i + 1))
            break
    for a, b in (
        (GROUND, MOVES),
        (VEHICLE, INTO_WATER),
        (SUDDEN, SIGNS),
        (AGGRESSION, WEAPON),
        (GAS, GAS_SIGN),
    ):
        span = _near(words, a, b)
        if span:
            found.append(span)
    fell = _near(words, FALL, WATER_BODY)
    if fell and fell[1] - fell[0] <= 4:
        found.append(fell)  # "jatuh ke sungai", "dhawah teng kali", "nyemplung sumur"
    stuck = _stuck(words)
    if stuck:
        found.append(stuck)
    smoke = _near(words, SMOKE, SMOKE_COLOUR)
    if smoke and not _around(words, smoke, NOT_A_FIRE):
        found.append(smoke)  # "asap hitam", not "asap hitam dari cerobong pabrik" (pollution)
    smoke_from = _near(words, SMOKE, FROM)
    if smoke_from and any(w in BUILDING for w in words[smoke_from[0] : smoke_from[1] + 3]):
        found.append(smoke_from)
    water_in = _near(words, WATER, ENTERS)
    if (
        water_in
        and any(w in HOME for w in words[water_in[0] : water_in[1] + 3])
        and not _around(words, water_in, NOT_A_FLOOD)
    ):
        found.append(water_in)  # "air masuk rumah", not rain through a roof or a drain overflowing
    water_depth = _near(words, WATER, DEPTH)
    if water_depth and _roof_not_reached(words, water_depth):
        water_depth = None  # "air masuk lewat genteng" (a leak), not "banyu tekan genteng"
    if water_depth and not _around(words, water_depth, LEAK):
        found.append(water_depth)  # "sudah sedada", not "atap bocor, air ..."
    found.extend(_signs(words))
    return [(i, j) for i, j in found if not hedged(words, i, j)]


ROOFS = frozenset("atap loteng genteng gendheng".split())


def _roof_not_reached(words: list[str], span: tuple[int, int]) -> bool:
    """The depth of a water cue is a roof ("genteng") that the water is not said to reach."""
    i, j = span
    depth = [k for k in range(i, j) if words[k] in DEPTH]
    return bool(depth) and all(words[k] in ROOFS and (k == 0 or words[k - 1] not in REACHES) for k in depth)


def _persons(word: str) -> str:
    """ "bojoku", "simbahe", "mertuanya": the person without the possessive ending."""
    if word in PERSON:
        return word
    for suffix in ("nya", "ku", "ne", "mu", "e"):
        if word.endswith(suffix) and word[: -len(suffix)] in PERSON:
            return word[: -len(suffix)]
    return word


# every word of the cue lists: "ketimpa", "kebalik" are the colloquial ke- forms of "tertimpa", "terbalik"
_CUE_WORDS = HELPLESS | INTO_WATER | FALL | ENTERS | MOVES


_SHORT_ROOTS = frozenset(w for w in WATER | SMOKE | HAZARD | BLOOD if len(w) < 4)  # "air", "api"


def _cue_stem(word: str) -> str:
    """The light stem, and short roots too: "airnya" is "air", "apine" is "api"."""
    for suffix in ("nya", "ne", "e"):
        if word.endswith(suffix) and word[: -len(suffix)] in _SHORT_ROOTS:
            return word[: -len(suffix)]
    return tx.light_stem(word)


def _ter(word: str) -> str:
    if word.startswith("ke") and len(word) > 5 and word not in _CUE_WORDS and "ter" + word[2:] in _CUE_WORDS:
        return "ter" + word[2:]
    return word


CHEST = frozenset("dada dhadha jaja".split())
PAIN = frozenset("sakit nyeri perih ampeg seseg lara sesak".split())


def _chest_pain(words: list[str], i: int) -> bool:
    """ "dadanya sakit", "dhadhane lara": a grave sign (with another: "keringat dingin")."""
    return words[i] in CHEST and any(w in PAIN for w in words[i + 1 : i + 3])


def _signs(words: list[str]) -> list[tuple[int, int]]:
    """What the caller sees of a person now: two different symptoms together ("sesak napas, bibirnya
    biru"), a venomous bite ("digigit ular weling"), bleeding that does not stop ("ngucur darah",
    "darahnya nggak berhenti"), someone still inside where there is water, fire or a collapse
    ("masih ada lansia di dalam rumah"), a person gone missing and not found ("cucu saya ilang ... belum
    ketemu")."""
    out: list[tuple[int, int]] = []
    seen = [(i, w) for i, w in enumerate(words) if w in SYMPTOMS or _chest_pain(words, i)]
    for (i, a), (j, b) in pairwise(seen):
        if a != b and j - i <= WINDOW and (a in GRAVE_SIGNS | CHEST or b in GRAVE_SIGNS | CHEST):
            out.append((i, j + 1))
            break
    bite = _near(words, BITE, VENOMOUS)
    if bite:
        out.append(bite)
    for k, w in enumerate(words):
        if w not in BLOOD:
            continue
        around = words[max(0, k - 3) : k + 4]
        if any(v in FLOWS for v in around) or any(
            a in NOT and b in STOPS for a, b in pairwise(words[k : k + 4])
        ):
            out.append((max(0, k - 3), k + 1))
            break
    if any(w in HAZARD for w in words):
        for k, w in enumerate(words):
            if w in NOW and any(v in INSIDE for v in words[k : k + 6]):
                span = range(max(0, k - 3), min(len(words), k + 5))
                near = [m for m in span if words[m] in PERSON - ANYONE]
                if near:
                    out.append((min(k, near[0]), max(k, near[-1]) + 1))
                    break
    for k, w in enumerate(words):
        if w in ("hilang", "ilang", "ical") and any(v in PERSON - ANYONE for v in words[max(0, k - 6) : k]):
            later = words[k : k + 14]
            if any(a in STILL_NEG and b in STILL_MISSING for a, b in pairwise(later)):
                out.append((max(0, k - 6), k + 1))
                break
    for k, w in enumerate(words):
        if (w in LABOUR and any(v in NOW for v in words[k : k + 3])) or (
            w == "ketuban" and "pecah" in words[k : k + 4]
        ):
            out.append((k, k + 1))
            break
    return out


def not_now(stems: list[str], i: int, clause: list[int] | None) -> bool:
    """The clause of word ``i`` tells of the past or the future, of what keeps happening or has lasted
    days, or of costs and papers, and not of anything going on now (see ``PAST``); or it, or the clause
    after it, says it is over ("tapi sudah surut")."""
    if clause is None:
        return False
    own = [w for w, c in zip(stems, clause, strict=True) if c == clause[i]]
    first = clause[i]
    while len(own) <= 2 and first > 0 and first - 1 in clause:
        # "tiap kemarau hutan jati di Desa X, Ngambon, kebakaran": a clause of a word or two goes on
        # with the one before it
        first -= 1
        own = [w for w, c in zip(stems, clause, strict=True) if c == first] + own
    nxt = [w for w, c in zip(stems, clause, strict=True) if clause[i] < c <= clause[i] + 2]
    if any(w in RETRACT for w in nxt) and any(w in RETRACT_HOW for w in nxt):
        return True  # "saya kira kebakaran, ternyata cuma masak pakai kayu basah"
    # ... said in its clause or the next one ("hilang sejak dua hari, belum ketemu", "sudah surut")
    then = [w for w, c in zip(stems, clause, strict=True) if clause[i] <= c <= clause[i] + 1]
    if any(w in NOW for w in own) or ("tiba", "tiba") in pairwise(own):
        return False
    if over(then):
        return True
    if (
        stems[i] in DEATH
        and any(w in DONE for w in stems[max(0, i - 2) : i])
        and any(w in KIN for w in stems[max(0, i - 5) : i])
    ):
        return True  # "suami saya sudah meninggal" (why the caller needs help), not a death now
    if any(a in STILL_NEG and b in STILL_MISSING for a, b in pairwise(then)):
        return False  # "sudah dua hari belum ketemu": still going on
    if any(w in PAST or w in PAPERS or w in ONE_SPAN for w in own) or "semalam" in own:
        return True
    for k, (a, b) in enumerate(pairwise(own)):
        if a in SPANS and b in AGO:
            return True  # "minggu lalu", "sasi kepungkur"
        if b in SPANS and (a in NUMBERS or a.isdigit()) and not any(w in AGE for w in own[max(0, k - 2) : k]):
            return True  # "sudah tiga hari", "2 minggu" (not "umur lima tahun": an age)
        if (a, b) in (("mau", "bengi"), ("tadi", "malam")):
            return True  # last night
    return False


def over(stems: list[str]) -> bool:
    """ "sudah surut", "apinya sudah dipadamkan", "korbannya sudah dibawa": what happened is over."""
    return any(a in DONE and b in OVER for a, b in pairwise(stems))


def going_on(stems: list[str]) -> bool:
    """ "masih", "sekarang", "belum ketemu": something told is still going on."""
    return any(w in NOW for w in stems) or any(
        a in STILL_NEG and b in STILL_MISSING for a, b in pairwise(stems)
    )


def safe(stems: list[str]) -> bool:
    """ "wong e selamet", "warga selamat semua": the people are safe, whatever happened."""
    return any(w in SAFE and any(p in PERSON for p in stems[max(0, j - 3) : j]) for j, w in enumerate(stems))


def hedged(words: list[str], i: int, j: int | None = None) -> bool:
    """A danger said as what nearly happened or is feared ("hampir kecemplung", "anak hampir jatuh"),
    or as what may happen ("bisa kesetrum", "motor bisa nyemplung", "sebelum ada korban"; not "belum
    bisa dikeluarkan": that is what cannot be done)."""
    end = j or i + 1
    for k in range(max(0, i - 3), end):
        thought = k > 0 and words[k - 1] in THINKERS and words[k + 1 : k + 2] != ["kira"]
        if words[k] == "kira" and not thought:
            continue  # "kira-kira sedada" (about), not "saya kira kebakaran" (what the caller thought)
        if words[k] in HEDGES and not (k + 1 < len(words) and words[k + 1] in REACHES):
            return True
    for k in {i, end - 1}:
        for m in range(max(0, k - 2), k):
            if words[m] in MAYBE and not (m > 0 and (words[m - 1] in NOT or words[m - 1] in STILL_NEG)):
                return True
    return False


# Events that are an emergency only when they hit people or homes: "longsor nutup jalan" and "jembatan
# hanyut" are Tinggi, "longsor, satu rumah tertimbun" and "anak hanyut" are Darurat.
PEOPLE_OR_HOMES = (
    (PERSON - frozenset("yang sing ingkang warga".split()))
    | BUILDING
    | frozenset("tertimbun terkubur terjebak kejebak korban".split())
)
# ... the people or homes said on either side ("kondisi jembatan kritis", "gawat, jalannya rusak": Tinggi)
IF_PEOPLE = frozenset("longsor meledak ledakan kritis gawat".split())
IF_PERSON_BEFORE = frozenset("hanyut terseret keli".split())  # "anak hanyut", not "jembatan hanyut"
# "instalasi gawat darurat", "ruang UGD": the name of a place, not an emergency
INSTITUTION = frozenset("instalasi unit ruang ruangan igd ugd".split())


def _consonants(word: str) -> str:
    """The consonant skeleton, l and r as one, doubles as one ("kebakalan", "kbakaran" -> "kbkrn")."""
    out: list[str] = []
    for ch in word:
        ch = "r" if ch == "l" else ch
        if ch not in "aiueo" and (not out or out[-1] != ch):
            out.append(ch)
    return "".join(out)


class DangerSpelling:
    """A misheard or shorthand spelling of a one-word danger ("tenggelem", "kbakaran", "kebakalan")."""

    MIN_LEN = 6

    def __init__(self, danger_words: list[str]) -> None:
        seen: dict[str, set[str]] = {}
        for w in danger_words:
            if len(w) >= self.MIN_LEN:
                seen.setdefault(_consonants(w), set()).add(w)
        self.by_skeleton = {k: next(iter(v)) for k, v in seen.items() if len(v) == 1 and len(k) >= 4}

    def __call__(self, word: str) -> str | None:
        if len(word) < self.MIN_LEN - 1 or tx.is_known_root(word):
            return None
        found = self.by_skeleton.get(_consonants(word))
        if found and abs(len(found) - len(word)) <= 1 and found[0] == word[0]:
            return found
        return None
