"""Generate ``train/records.json``: varied, real-looking CSL-JSON records for the citation parser.

The records are synthesised from hand-written pools (names from many languages, titles from many fields,
journals, conferences, publishers) with a fixed seed, so the file is reproducible::

    python scripts/generate_training_records.py            # writes train/records.json

The citation model is trained on these records rendered through CSL styles (scripts/train_citation_model.py);
``bench/parse_accuracy.py`` uses records and styles held out from training.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

SEED = 20261122
COUNT = 900

# (given, particle, family) — several languages, particles, hyphens, diacritics, initials-only given names.
NAMES = [
    ("Yann", "", "LeCun"), ("Geoffrey", "", "Hinton"), ("Song", "", "Han"), ("Huizi", "", "Mao"),
    ("William J.", "", "Dally"), ("Jonathan", "", "Frankle"), ("Itay", "", "Hubara"), ("Zhuang", "", "Liu"),
    ("Christopher", "", "De Sa"), ("Laurens", "van der", "Maaten"), ("Ronan", "", "Le Bras"),
    ("Mostafa", "", "El-Khamy"), ("Jean-Pierre", "", "David"), ("Yoshua", "", "Bengio"),
    ("Maria", "", "García López"), ("José", "", "Martínez"), ("François", "", "Lefèvre"),
    ("Jürgen", "", "Schmidhuber"), ("Ludwig", "van", "Beethoven"), ("Otto", "von", "Bismarck"),
    ("Anna", "", "Kowalska"), ("Dmitry", "", "Ivanov"), ("Sergey", "", "Levine"), ("Hiroshi", "", "Tanaka"),
    ("Yuki", "", "Sato"), ("Min-Jun", "", "Kim"), ("Ji-woo", "", "Park"), ("Wei", "", "Zhang"),
    ("Xiaoxia", "", "Wu"), ("Yuhang", "", "Li"), ("Fatima", "", "Al-Sayed"), ("Ahmed", "", "Hassan"),
    ("Priya", "", "Sharma"), ("Rajesh", "", "Kumar"), ("João", "", "dos Santos"), ("Ana Paula", "", "Silva"),
    ("Giulia", "", "Rossi"), ("Marco", "", "Di Stefano"), ("Pieter", "", "Abbeel"), ("Emma", "", "Strubell"),
    ("Sarah", "", "O'Connor"), ("Michael", "", "McDonald"), ("Karen", "", "Smith-Jones"), ("Lars", "", "Nielsen"),
    ("Ingrid", "", "Bergström"), ("Mehmet", "", "Yılmaz"), ("Olga", "", "Vechtomova"), ("Tomas", "", "Pfister"),
    ("Nguyen", "", "Van Anh"), ("Thanh", "", "Nguyen"), ("Kai-Wei", "", "Chang"), ("Yejin", "", "Choi"),
    ("Percy", "", "Liang"), ("Alexei A.", "", "Efros"), ("Richard S.", "", "Sutton"), ("Judea", "", "Pearl"),
    ("Mary", "", "Beard"), ("Michel", "", "Foucault"), ("Hannah", "", "Arendt"), ("Pierre", "", "Bourdieu"),
    ("Claude", "", "Lévi-Strauss"), ("Edward W.", "", "Said"), ("Amartya", "", "Sen"), ("Esther", "", "Duflo"),
    ("Robert J.", "", "Shiller"), ("Daron", "", "Acemoglu"), ("Elinor", "", "Ostrom"), ("Steven", "", "Weinberg"),
    ("Edward", "", "Witten"), ("Juan", "", "Maldacena"), ("Lisa", "", "Randall"), ("Kip S.", "", "Thorne"),
    ("Donna", "", "Strickland"), ("Jennifer A.", "", "Doudna"), ("Emmanuelle", "", "Charpentier"),
    ("Katalin", "", "Karikó"), ("Anthony S.", "", "Fauci"), ("Paul", "", "Nurse"), ("Svante", "", "Pääbo"),
    ("Carolyn R.", "", "Bertozzi"), ("Frances H.", "", "Arnold"), ("Peter", "", "Higgs"), ("Ada", "", "Lovelace"),
    ("Donald E.", "", "Knuth"), ("Leslie", "", "Lamport"), ("Barbara", "", "Liskov"), ("Tim", "", "Dettmers"),
    ("Elias", "", "Frantar"), ("Dan", "", "Alistarh"), ("Guangxuan", "", "Xiao"), ("Ji", "", "Lin"),
    ("Markus", "", "Nagel"), ("Tijmen", "", "Blankevoort"), ("Max", "", "Welling"), ("Diederik P.", "", "Kingma"),
    ("Ilya", "", "Sutskever"), ("Oriol", "", "Vinyals"), ("Quoc V.", "", "Le"), ("Ashish", "", "Vaswani"),
    ("Noam", "", "Shazeer"), ("Jacob", "", "Devlin"), ("Ming-Wei", "", "Chang"), ("Kristina", "", "Toutanova"),
    ("Hugo", "", "Touvron"), ("Armand", "", "Joulin"), ("Gérard", "", "Berry"), ("Cédric", "", "Villani"),
    ("Bernhard", "", "Schölkopf"), ("Klaus-Robert", "", "Müller"), ("Ulrike", "von", "Luxburg"),
    ("Jan", "", "de Vries"), ("Wil", "van der", "Aalst"), ("Edsger W.", "", "Dijkstra"), ("Guido", "van", "Rossum"),
    ("Maria", "", "Chudnovsky"), ("Terence", "", "Tao"), ("Maryam", "", "Mirzakhani"), ("Shing-Tung", "", "Yau"),
    ("Jian", "", "Sun"), ("Kaiming", "", "He"), ("Xiangyu", "", "Zhang"), ("Shaoqing", "", "Ren"),
    ("Ross", "", "Girshick"), ("Piotr", "", "Dollár"), ("Łukasz", "", "Kaiser"), ("Wojciech", "", "Zaremba"),
]  # fmt: skip

TITLES = [
    "Optimal brain damage", "Distilling the knowledge in a neural network",
    "Deep compression: Compressing deep neural networks with pruning, trained quantization and Huffman coding",
    "EIE: Efficient inference engine on compressed deep neural network",
    "The lottery ticket hypothesis: Finding sparse, trainable neural networks",
    "LLM.int8(): 8-bit matrix multiplication for transformers at scale",
    "GPTQ: Accurate post-training quantization for generative pre-trained transformers",
    "Attention is all you need", "BERT: Pre-training of deep bidirectional transformers for language understanding",
    "Deep residual learning for image recognition", "Are sixteen heads really better than one?",
    "What does BERT look at? An analysis of BERT's attention",
    "Q-Diffusion: Quantizing diffusion models", "SmoothQuant: Accurate and efficient post-training quantization for large language models",
    "On the dangers of stochastic parrots: Can language models be too big?",
    "Language models are few-shot learners", "Scaling laws for neural language models",
    "A survey of quantization methods for efficient neural network inference",
    "ImageNet classification with deep convolutional neural networks",
    "Long short-term memory", "Generative adversarial nets", "Auto-encoding variational Bayes",
    "Adam: A method for stochastic optimization", "Dropout: A simple way to prevent neural networks from overfitting",
    "The anatomy of a large-scale hypertextual Web search engine", "Time, clocks, and the ordering of events in a distributed system",
    "A relational model of data for large shared data banks", "Go to statement considered harmful",
    "MapReduce: Simplified data processing on large clusters", "The Google file system",
    "Spanner: Google's globally-distributed database", "In search of an understandable consensus algorithm",
    "Roofline: An insightful visual performance model for multicore architectures",
    "In-datacenter performance analysis of a tensor processing unit",
    "Dark silicon and the end of multicore scaling", "A new golden age for computer architecture",
    "The large N limit of superconformal field theories and supergravity",
    "Observation of gravitational waves from a binary black hole merger",
    "Observation of a new boson at a mass of 125 GeV with the CMS experiment at the LHC",
    "Broken symmetries and the masses of gauge bosons", "A model of leptons",
    "Electric field effect in atomically thin carbon films", "Quantum supremacy using a programmable superconducting processor",
    "Compression of amplified chirped optical pulses", "Topological insulators and superconductors",
    "Two-dimensional gas of massless Dirac fermions in graphene",
    "A programmable dual-RNA-guided DNA endonuclease in adaptive bacterial immunity",
    "Safety and efficacy of the BNT162b2 mRNA Covid-19 vaccine",
    "Clinical characteristics of coronavirus disease 2019 in China",
    "Effect of aspirin on cardiovascular events in patients with diabetes: a randomised trial",
    "Global burden of 87 risk factors in 204 countries and territories, 1990–2019: a systematic analysis",
    "Metformin versus placebo in obese pregnant women without diabetes mellitus",
    "Suppression of immunogenicity by nucleoside modification of RNA",
    "Initial sequencing and analysis of the human genome", "The hallmarks of cancer: New dimensions",
    "Highly accurate protein structure prediction with AlphaFold",
    "Gut microbiota and obesity: Is there a causal link?", "Sleep duration and mortality in older adults",
    "Discipline and punish: The birth of the prison", "The human condition", "Orientalism",
    "Distinction: A social critique of the judgement of taste", "Development as freedom",
    "Why nations fail: The origins of power, prosperity, and poverty", "Governing the commons",
    "Irrational exuberance", "Poor economics: A radical rethinking of the way to fight global poverty",
    "SPQR: A history of ancient Rome", "The structure of scientific revolutions",
    "Imagined communities: Reflections on the origin and spread of nationalism",
    "Gender trouble: Feminism and the subversion of identity", "The art of computer programming",
    "Causality: Models, reasoning, and inference", "Reinforcement learning: An introduction",
    "Pattern recognition and machine learning", "Deep learning", "The elements of statistical learning",
    "Die Entstehung der modernen Wissenschaft", "Über die Grundlagen der Geometrie",
    "La construction sociale de la réalité", "Les règles de la méthode sociologique",
    "Historia de la lengua española", "Introdução à sociologia do conhecimento",
    "Storia della filosofia antica", "Sprachwandel im Deutschen: Eine Einführung",
    "Why do transformers need Adam? A Hessian perspective", "Is attention interpretable?",
    "Can large language models reason? A critical review", "Who owns the past? Archaeology and heritage",
    "Beyond accuracy: Behavioral testing of NLP models with CheckList",
    "Efficient memory management for large language model serving with PagedAttention",
    "FlashAttention: Fast and memory-efficient exact attention with IO-awareness",
    "QLoRA: Efficient finetuning of quantized LLMs", "LoRA: Low-rank adaptation of large language models",
    "AWQ: Activation-aware weight quantization for LLM compression and acceleration",
    "ZeroQ: A novel zero shot quantization framework", "Data-free quantization through weight equalization and bias correction",
    "Mixed precision training", "Training deep neural networks with 8-bit floating point numbers",
    "Climate change 2021: The physical science basis", "Soil carbon sequestration impacts on global climate change and food security",
    "Biodiversity loss and its impact on humanity", "Urban heat islands and the health of cities",
    "Energy and policy considerations for deep learning in NLP", "A study of the effect of teacher feedback on student writing",
    "Bilingualism and cognitive control: Evidence from 20 years of research",
    "The effect of minimum wages on employment: Evidence from U.S. states", "Monetary policy and the housing market",
    "Trust in government and compliance with COVID-19 restrictions", "Measuring the evolution of Zipf's law in historical corpora",
    "Machine translation for low-resource languages: A survey", "Speech recognition with deep recurrent neural networks",
    "The Stanford CoreNLP natural language processing toolkit", "GloVe: Global vectors for word representation",
    "Efficient estimation of word representations in vector space", "Neural machine translation by jointly learning to align and translate",
    "You only look once: Unified, real-time object detection", "Mask R-CNN", "U-Net: Convolutional networks for biomedical image segmentation",
    "Denoising diffusion probabilistic models", "High-resolution image synthesis with latent diffusion models",
    "Learning transferable visual models from natural language supervision", "An image is worth 16x16 words: Transformers for image recognition at scale",
]  # fmt: skip

JOURNALS = [
    "Journal of Machine Learning Research", "Nature", "Science", "Physical Review Letters", "Physical Review D",
    "The Lancet", "New England Journal of Medicine", "JAMA", "BMJ", "Cell", "Nature Communications",
    "Proceedings of the National Academy of Sciences", "IEEE Transactions on Pattern Analysis and Machine Intelligence",
    "IEEE Signal Processing Magazine", "Proceedings of the IEEE", "Communications of the ACM",
    "ACM SIGARCH Computer Architecture News", "ACM Computing Surveys", "Transactions of the Association for Computational Linguistics",
    "Computational Linguistics", "Neural Computation", "Machine Learning", "Artificial Intelligence",
    "American Economic Review", "The Quarterly Journal of Economics", "Econometrica", "American Sociological Review",
    "American Journal of Political Science", "Journal of Modern History", "Past & Present", "Annales. Histoire, Sciences Sociales",
    "Zeitschrift für Sprachwissenschaft", "Revista de Filología Española", "Advances in Theoretical and Mathematical Physics",
    "Journal of High Energy Physics", "Astrophysical Journal", "Monthly Notices of the Royal Astronomical Society",
    "Journal of Clinical Oncology", "PLOS ONE", "Scientific Reports", "eLife", "Bioinformatics", "Nucleic Acids Research",
    "Journal of the American Chemical Society", "Angewandte Chemie International Edition", "Chemical Reviews",
    "Global Change Biology", "Journal of Applied Psychology", "Psychological Science", "Language", "Linguistic Inquiry",
    "Journal of Computer Science and Technology", "Frontiers in Psychology", "Medical Physics",
    # abbreviated forms (ISO 4 / NLM), as IEEE, Vancouver and physics styles print them
    "N Engl J Med", "Lancet", "JAMA Intern Med", "Nat Med", "Proc Natl Acad Sci U S A", "Phys. Rev. Lett.", "Phys. Rev. B",
    "IEEE Trans. Pattern Anal. Mach. Intell.", "IEEE Trans. Neural Netw. Learn. Syst.", "Commun. ACM", "J. Mach. Learn. Res.",
    "Nucleic Acids Res", "J. Am. Chem. Soc.", "Astrophys. J.", "Nat. Commun.", "Sci. Rep.", "Trans. Assoc. Comput. Linguist.",
]  # fmt: skip

CONFERENCES = [
    ("Advances in Neural Information Processing Systems", "Curran Associates, Inc.", ""),
    ("Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition", "IEEE", ""),
    ("Proceedings of the IEEE/CVF International Conference on Computer Vision", "IEEE", ""),
    ("International Conference on Machine Learning", "PMLR", ""),
    ("Proceedings of the 40th International Conference on Machine Learning", "PMLR", ""),
    ("International Conference on Learning Representations", "", ""),
    ("Proceedings of the AAAI Conference on Artificial Intelligence", "AAAI Press", ""),
    (
        "Proceedings of the 58th Annual Meeting of the Association for Computational Linguistics",
        "Association for Computational Linguistics",
        "Online",
    ),
    (
        "Proceedings of the 2019 Conference of the North American Chapter of the Association for Computational Linguistics: Human Language Technologies",
        "Association for Computational Linguistics",
        "Minneapolis, Minnesota",
    ),
    (
        "Proceedings of the 2023 Conference on Empirical Methods in Natural Language Processing",
        "Association for Computational Linguistics",
        "Singapore",
    ),
    (
        "Computer Vision – ECCV 2020: 16th European Conference, Glasgow, UK, August 23–28, 2020, Proceedings, Part XII",
        "Springer International Publishing",
        "Cham",
    ),
    (
        "Proceedings of the 44th Annual International Symposium on Computer Architecture",
        "ACM",
        "New York, NY, USA",
    ),
    ("Proceedings of the 29th Symposium on Operating Systems Principles", "ACM", "New York, NY, USA"),
    (
        "Proceedings of the 2022 ACM SIGSAC Conference on Computer and Communications Security",
        "ACM",
        "Los Angeles, CA, USA",
    ),
    (
        "2016 IEEE International Conference on Acoustics, Speech and Signal Processing (ICASSP)",
        "IEEE",
        "Shanghai, China",
    ),
    (
        "Proceedings of the 6th USENIX Symposium on Operating Systems Design and Implementation",
        "USENIX Association",
        "San Francisco, CA",
    ),
    ("Medical Image Computing and Computer-Assisted Intervention – MICCAI 2015", "Springer", "Cham"),
    (
        "Proceedings of the 26th ACM SIGKDD International Conference on Knowledge Discovery & Data Mining",
        "ACM",
        "New York, NY, USA",
    ),
    ("Proceedings of the ACM Web Conference 2023", "ACM", "Austin, TX, USA"),
    ("Interspeech 2021", "ISCA", "Brno, Czechia"),
    ("Proceedings of the Annual Meeting of the Cognitive Science Society", "", ""),
    (
        "Actes de la 28e Conférence sur le Traitement Automatique des Langues Naturelles",
        "ATALA",
        "Lille, France",
    ),
    ("Proc. IEEE Conf. Comput. Vis. Pattern Recognit. (CVPR)", "IEEE", "Las Vegas, NV, USA"),
    ("Proc. Int. Conf. Mach. Learn. (ICML)", "PMLR", ""),
    ("Adv. Neural Inf. Process. Syst.", "", ""),
    ("Proc. IEEE/CVF Int. Conf. Comput. Vis. (ICCV)", "IEEE", "Seoul, Korea"),
    ("Proc. 28th USENIX Secur. Symp.", "USENIX Association", "Santa Clara, CA, USA"),
    ("Proc. Annu. Meet. Assoc. Comput. Linguist.", "Association for Computational Linguistics", ""),
]

PUBLISHERS = [
    ("Springer", "Cham"), ("Springer Nature Switzerland", "Cham"), ("Springer-Verlag", "Berlin"),
    ("Cambridge University Press", "Cambridge"), ("Oxford University Press", "Oxford"), ("MIT Press", "Cambridge, MA"),
    ("Princeton University Press", "Princeton, NJ"), ("University of Chicago Press", "Chicago"),
    ("Chapman and Hall/CRC", "Boca Raton, FL"), ("Wiley", "Hoboken, NJ"), ("Elsevier", "Amsterdam"),
    ("Routledge", "London"), ("Penguin Books", "London"), ("Gallimard", "Paris"), ("Suhrkamp", "Frankfurt am Main"),
    ("Editorial Gredos", "Madrid"), ("Addison-Wesley", "Reading, MA"), ("Pearson", "Upper Saddle River, NJ"),
    ("Crown Business", "New York"), ("Harvard University Press", "Cambridge, MA"), ("Basic Books", "New York"),
    ("De Gruyter", "Berlin"), ("Morgan Kaufmann", "San Francisco"), ("O'Reilly Media", "Sebastopol, CA"),
]  # fmt: skip

INSTITUTIONS = [
    ("Stanford University", "Stanford, CA"),
    ("Massachusetts Institute of Technology", "Cambridge, MA"),
    ("University of Toronto", "Toronto"),
    ("ETH Zürich", "Zürich"),
    ("Université Paris-Saclay", "Paris"),
    ("Tsinghua University", "Beijing"),
    ("University of Oxford", "Oxford"),
    ("Universidad de Buenos Aires", "Buenos Aires"),
    ("Technische Universität München", "Munich"),
    ("University of Tokyo", "Tokyo"),
]
REPORT_PUBLISHERS = [
    ("National Bureau of Economic Research", "Cambridge, MA", "Working Paper"),
    ("RAND Corporation", "Santa Monica, CA", "Technical Report"),
    ("Microsoft Research", "Redmond, WA", "Technical Report"),
    ("World Health Organization", "Geneva", "Report"),
    ("CERN", "Geneva", "Technical Report"),
    ("Google Research", "Mountain View, CA", "Technical Report"),
]
SERIES = [
    "Lecture Notes in Computer Science",
    "Springer Series in Statistics",
    "Studies in Computational Intelligence",
    "Oxford Studies in Philosophy",
    "",
]
BOOK_CONTAINERS = ["Low-Power Computer Vision", "Handbook of Natural Language Processing", "The Oxford Handbook of Political Economy",
                   "Advances in Computers", "The Cambridge History of Science", "Encyclopedia of Machine Learning", "Neural Networks: Tricks of the Trade"]  # fmt: skip
EDITORS = [("George K.", "", "Thiruvathukal"), ("Nitin", "", "Indurkhya"), ("Barry R.", "", "Weingast"),
           ("Grégoire", "", "Montavon"), ("Claude", "", "Sammut"), ("Roy", "", "Porter")]  # fmt: skip

TYPE_WEIGHTS = [("article-journal", 34), ("paper-conference", 24), ("article", 12), ("chapter", 8), ("book", 9),
                ("thesis", 6), ("report", 7)]  # fmt: skip


def _person(entry: tuple[str, str, str], rng: random.Random) -> dict[str, str]:
    given, particle, family = entry
    person = {"family": family, "given": given}
    if particle:
        person["non-dropping-particle"] = particle
    if rng.random() < 0.03:
        person["suffix"] = "Jr."
    return person


def _authors(rng: random.Random) -> list[dict[str, str]]:
    count = rng.choices([1, 2, 3, 4, 5, 6, 8, 12], weights=[18, 22, 20, 14, 10, 7, 5, 4])[0]
    return [_person(entry, rng) for entry in rng.sample(NAMES, count)]


def _pages(rng: random.Random) -> str:
    start = rng.choice([rng.randint(1, 60), rng.randint(100, 999), rng.randint(1000, 30000)])
    return f"{start}-{start + rng.randint(1, 40)}"


def _date(rng: random.Random, record_type: str) -> dict:
    year = rng.randint(1950, 2025) if record_type in ("book", "chapter") else rng.randint(1985, 2025)
    parts = [year]
    if rng.random() < 0.25:
        parts.append(rng.randint(1, 12))
        if rng.random() < 0.4:
            parts.append(rng.randint(1, 28))
    return {"date-parts": [parts]}


def _arxiv_id(rng: random.Random, year: int) -> str:
    yy = max(year, 2008) % 100
    return f"{yy:02d}{rng.randint(1, 12):02d}.{rng.randint(1, 29999):05d}"


def make_record(index: int, rng: random.Random) -> dict:
    record_type = rng.choices([t for t, _ in TYPE_WEIGHTS], weights=[w for _, w in TYPE_WEIGHTS])[0]
    record: dict = {
        "id": f"r{index}",
        "type": record_type,
        "title": rng.choice(TITLES),
        "author": _authors(rng),
    }
    record["issued"] = _date(rng, record_type)
    year = record["issued"]["date-parts"][0][0]
    if record_type == "article-journal":
        record["container-title"] = rng.choice(JOURNALS)
        record["volume"] = str(rng.randint(1, 140))
        if rng.random() < 0.7:
            record["issue"] = str(rng.randint(1, 24))
        record["page"] = _pages(rng) if rng.random() < 0.85 else f"e{rng.randint(1000, 99999)}"
    elif record_type == "paper-conference":
        name, publisher, place = rng.choice(CONFERENCES)
        record["container-title"] = name
        if publisher and rng.random() < 0.7:
            record["publisher"] = publisher
        if place and rng.random() < 0.6:
            record["publisher-place"] = place
        if rng.random() < 0.7:
            record["page"] = _pages(rng)
        if "Neural Information" in name:
            record["volume"] = str(max(1, year - 1987))
    elif record_type == "article":  # preprint
        arxiv = _arxiv_id(rng, year)
        record["container-title"] = "arXiv"
        record["number"] = f"arXiv:{arxiv}"
        record["publisher"] = "arXiv"
        if rng.random() < 0.5:
            record["DOI"] = f"10.48550/arXiv.{arxiv}"
        if rng.random() < 0.3:
            record["URL"] = f"https://arxiv.org/abs/{arxiv}"
    elif record_type == "chapter":
        record["container-title"] = rng.choice(BOOK_CONTAINERS)
        record["editor"] = [_person(rng.choice(EDITORS), rng) for _ in range(rng.randint(1, 2))]
        record["publisher"], record["publisher-place"] = rng.choice(PUBLISHERS)
        record["page"] = _pages(rng)
    elif record_type == "book":
        record["publisher"], record["publisher-place"] = rng.choice(PUBLISHERS)
        if rng.random() < 0.25:
            record["edition"] = str(rng.randint(2, 5))
        series = rng.choice(SERIES)
        if series and rng.random() < 0.3:
            record["collection-title"] = series
    elif record_type == "thesis":
        record["author"] = record["author"][:1]
        record["publisher"], record["publisher-place"] = rng.choice(INSTITUTIONS)
        record["genre"] = rng.choice(
            ["PhD thesis", "Doctoral dissertation", "Master's thesis", "PhD dissertation"]
        )
    elif record_type == "report":
        record["publisher"], record["publisher-place"], record["genre"] = rng.choice(REPORT_PUBLISHERS)
        record["number"] = str(rng.randint(100, 29999))
    if "DOI" not in record and record_type != "article" and rng.random() < 0.4:
        record["DOI"] = (
            f"10.{rng.randint(1000, 9999)}/{rng.choice(['j.', 's', 'nature', 'jmlr.', ''])}{rng.randint(10000, 999999)}"
        )
    if "URL" not in record and rng.random() < 0.08:
        record["URL"] = f"https://example.org/papers/{rng.randint(1000, 9999)}"
    return record


# --- the second batch: kinds of citations the first batch lacked ------------------------------------
# Drawn from a separate seed after the first COUNT records, so those (and the held-out split) stay as they were.
EXTRA_SEED = 20261123
EXTRA_COUNT = 900

EXTRA_NAMES = [
    ("Albert", "", "Einstein"), ("Max", "", "Planck"), ("Werner", "", "Heisenberg"), ("Paul A. M.", "", "Dirac"),
    ("Lise", "", "Meitner"), ("Enrico", "", "Fermi"), ("Subrahmanyan", "", "Chandrasekhar"), ("Chen Ning", "", "Yang"),
    ("Tsung-Dao", "", "Lee"), ("Gerard", "'t", "Hooft"), ("Alexander M.", "", "Polyakov"), ("Andrei D.", "", "Linde"),
    ("Vera C.", "", "Rubin"), ("Jocelyn", "", "Bell Burnell"), ("Hans A.", "", "Bethe"), ("Richard P.", "", "Feynman"),
    ("Murray", "", "Gell-Mann"), ("Abdus", "", "Salam"), ("Kenneth G.", "", "Wilson"), ("Philip W.", "", "Anderson"),
    ("Umberto", "", "Eco"), ("Jacques", "", "Derrida"), ("Simone", "de", "Beauvoir"), ("Walter", "", "Benjamin"),
    ("Jürgen", "", "Habermas"), ("Niklas", "", "Luhmann"), ("Reinhart", "", "Koselleck"), ("Carlo", "", "Ginzburg"),
    ("Fernand", "", "Braudel"), ("Marc", "", "Bloch"), ("Natalie Zemon", "", "Davis"), ("Eric J.", "", "Hobsbawm"),
    ("Hans-Georg", "", "Gadamer"), ("Paul", "", "Ricœur"), ("María", "", "Zambrano"), ("Octavio", "", "Paz"),
    ("Gilberto", "", "Freyre"), ("Sérgio Buarque", "de", "Holanda"), ("Wisława", "", "Szymborska"),
    ("Zygmunt", "", "Bauman"), ("Václav", "", "Havel"), ("Søren", "", "Kierkegaard"), ("Åsa", "", "Wikforss"),
    ("Hendrik", "", "Lorentz"), ("Johan", "", "Huizinga"), ("Jan", "van", "Eyck"), ("Ilse", "", "Lehiste"),
    ("Taro", "", "Yamamoto"), ("Xin", "", "Wang"), ("Li", "", "Chen"), ("Hao", "", "Liu"), ("Seo-yeon", "", "Lee"),
    ("Oluwaseun", "", "Adeyemi"), ("Chinua", "", "Achebe"), ("Ngũgĩ", "wa", "Thiong'o"), ("Kwame Anthony", "", "Appiah"),
    ("Ramón", "", "López de Mántaras"), ("Miguel Ángel", "", "Fernández-Díaz"), ("Ana", "", "Gómez"),
    ("Beatriz", "", "Sarlo"), ("Gabriela", "", "Mistral"), ("Luiz", "", "Pereira da Silva"), ("Joaquim", "", "Nabuco"),
    ("Alessandro", "", "Manzoni"), ("Federica", "", "Bianchi"), ("Giovanni", "", "De Luca"), ("Elena", "", "Ferrante"),
    ("Heinrich", "", "Böll"), ("Friederike", "", "Mayröcker"), ("Karl-Heinz", "", "Schneider"), ("Ulrich", "", "Beck"),
    ("Anne-Marie", "", "Dubois"), ("Pierre-Yves", "", "Oudeyer"), ("Élodie", "", "Lefebvre"), ("Hélène", "", "Cixous"),
    ("Andrzej", "", "Wajda"), ("Katarzyna", "", "Nowak"), ("Piotr", "", "Wiśniewski"), ("Tomáš", "", "Novák"),
    ("Mikko", "", "Virtanen"), ("Sven", "", "Andersson"), ("Nils", "", "Bohr"), ("Gunnar", "", "Myrdal"),
    ("Ayşe", "", "Demir"), ("Reza", "", "Ahmadi"), ("Leila", "", "Farahani"), ("Vikram", "", "Seth"),
    ("Ngozi", "", "Okonjo-Iweala"), ("Desmond", "", "Tutu"), ("M. A.", "", "Shifman"), ("Bartholomew", "", "Okafor"),
]  # fmt: skip

EXTRA_TITLES = [
    "Zur Elektrodynamik bewegter Körper", "Über einen die Erzeugung und Verwandlung des Lichtes betreffenden heuristischen Gesichtspunkt",
    "Über quantentheoretische Umdeutung kinematischer und mechanischer Beziehungen", "Die Feldgleichungen der Gravitation",
    "Gesellschaft und Kommunikation: Studien zur Systemtheorie", "Vergangene Zukunft: Zur Semantik geschichtlicher Zeiten",
    "Strukturwandel der Öffentlichkeit", "Risikogesellschaft: Auf dem Weg in eine andere Moderne",
    "Le deuxième sexe", "La Méditerranée et le monde méditerranéen à l'époque de Philippe II", "De la grammatologie",
    "Apologie pour l'histoire ou métier d'historien", "Les mots et les choses: une archéologie des sciences humaines",
    "Temps et récit", "L'apprentissage automatique au service de la traduction", "Les réseaux de neurones profonds en vision par ordinateur",
    "El laberinto de la soledad", "Historia social de la literatura española", "Redes neuronales para el procesamiento del lenguaje natural",
    "La ciudad letrada", "Aprendizaje profundo aplicado a imágenes médicas: una revisión sistemática",
    "Casa-grande & senzala", "Raízes do Brasil", "Aprendizado de máquina na agricultura de precisão",
    "Il nome della rosa", "Storia notturna: una decifrazione del sabba", "Reti neurali e linguaggio: un'introduzione",
    "Płynna nowoczesność", "Historia literatury polskiej", "Moc bezmocných", "Homo ludens: Proeve eener bepaling van het spel-element der cultuur",
    "Herfsttij der Middeleeuwen", "Om begrebet ironi", "Kunskapens problem i den analytiska filosofin",
    "Things fall apart", "Decolonising the mind: The politics of language in African literature",
    "On the electrodynamics of moving bodies", "The quantum theory of the electron", "A theory of fermions",
    "Renormalization of massless Yang-Mills fields", "Quark confinement and topology of gauge theories",
    "The renormalization group and critical phenomena", "Absence of diffusion in certain random lattices",
    "Rotation of the Andromeda nebula from a spectroscopic survey of emission regions",
    "Energy production in stars", "Observation of a rapidly pulsating radio source",
    "Space-time approach to non-relativistic quantum mechanics", "Symmetries of baryons and mesons",
    "A new inflationary universe scenario", "Conservation of isotopic spin and isotopic gauge invariance",
    "Question of parity conservation in weak interactions", "Disintegration of uranium by neutrons: a new type of nuclear reaction",
    "The structure of the atomic nucleus", "Dark matter in spiral galaxies", "Photonic crystals: Molding the flow of light",
    "Superconductivity at 93 K in a new mixed-phase Y-Ba-Cu-O compound system at ambient pressure",
    "The Cambridge companion to Kant", "A history of the English language", "Medieval Latin lyrics and their transmission",
    "Pilgrimage and the making of sacred space in late antiquity", "The Atlantic slave trade: A census revisited",
    "Print culture and the early modern book", "Memory, war and trauma", "The invention of tradition",
    "Empire and the politics of translation in colonial India", "Writing women's history in Latin America",
    "Sovereignty and the law of nations in early modern Europe", "Urban poverty in nineteenth-century London",
    "Design and evaluation of a distributed key-value store", "A scalable approach to program synthesis",
    "Verification of concurrent data structures", "Energy-efficient scheduling for edge devices",
    "An empirical study of flaky tests", "Learning to rank for information retrieval",
    "Robust speech recognition in noisy environments", "Probabilistic programming for cognitive science",
]  # fmt: skip

PHYSICS_JOURNALS = [
    "Ann. Phys.", "Annalen der Physik", "Phys. Rev.", "Phys. Rev. A", "Phys. Rev. B", "Phys. Rev. D", "Phys. Rev. Lett.",
    "Rev. Mod. Phys.", "Nucl. Phys. B", "Phys. Lett. B", "J. Phys. A: Math. Gen.", "Class. Quantum Grav.", "Eur. Phys. J. C",
    "JHEP", "J. High Energy Phys.", "Astron. Astrophys.", "Astrophys. J. Lett.", "Mon. Not. R. Astron. Soc.", "Appl. Phys. Lett.",
    "J. Chem. Phys.", "Z. Phys.", "Z. Phys. Chem.", "Proc. R. Soc. Lond. A", "Nature Phys.", "Nat. Photonics", "Opt. Lett.",
    "Opt. Express", "J. Appl. Phys.", "Phys. Fluids", "J. Fluid Mech.", "Commun. Math. Phys.", "J. Math. Phys.",
    "Prog. Theor. Phys.", "Sov. Phys. JETP", "Zh. Eksp. Teor. Fiz.", "Chin. Phys. Lett.", "New J. Phys.",
]  # fmt: skip
HUMANITIES_JOURNALS = [
    "Speculum", "Representations", "Critical Inquiry", "The American Historical Review", "Revue historique",
    "Historische Zeitschrift", "Journal of the History of Ideas", "PMLA", "New Literary History", "Past and Present",
    "Archiv für Geschichte der Philosophie", "Revue de métaphysique et de morale", "Geschichte und Gesellschaft",
    "Quaderni storici", "Hispanic Review", "Revista de Occidente", "Estudos Avançados", "Przegląd Historyczny",
    "Journal of Medieval History", "The English Historical Review", "Comparative Literature", "Modern Philology",
    "Mind", "The Philosophical Review", "Synthese", "Deutsche Vierteljahrsschrift für Literaturwissenschaft und Geistesgeschichte",
    "Annales. Économies, Sociétés, Civilisations", "Studia Linguistica", "Informatik-Spektrum", "Technique et Science Informatiques",
]  # fmt: skip
EXTRA_CONFERENCES = [
    ("Proceedings of the 27th International Conference on Computational Linguistics", "Association for Computational Linguistics", "Santa Fe, New Mexico, USA"),
    ("Proceedings of the 45th International ACM SIGIR Conference on Research and Development in Information Retrieval", "ACM", "Madrid, Spain"),
    ("Proceedings of the 44th International Conference on Software Engineering", "ACM", "Pittsburgh, PA, USA"),
    ("2023 IEEE International Conference on Robotics and Automation (ICRA)", "IEEE", "London, UK"),
    ("Proceedings of the Twenty-Ninth International Joint Conference on Artificial Intelligence", "IJCAI", "Yokohama"),
    ("Tagungsband der 16. Konferenz zur Verarbeitung natürlicher Sprache", "", "Erlangen"),
    ("Actes du XXe Congrès international des linguistes", "", "Cape Town"),
    ("Actas del XXXV Congreso Internacional de la Sociedad Española para el Procesamiento del Lenguaje Natural", "SEPLN", "Jaén"),
    ("Atti del Convegno Nazionale di Informatica", "", "Roma"),
    ("Anais do Simpósio Brasileiro de Banco de Dados", "SBC", "Porto Alegre"),
    ("Workshop on Machine Learning for Systems at NeurIPS 2022", "", ""),
    ("Joint European Conference on Machine Learning and Knowledge Discovery in Databases", "Springer", "Cham"),
    ("Programming Languages and Systems. ESOP 2021. Lecture Notes in Computer Science", "Springer", "Cham"),
    ("Annual Meeting of the American Physical Society Division of Fluid Dynamics", "", ""),
    ("Proceedings of the International Cosmic Ray Conference", "", ""),
]  # fmt: skip
EXTRA_BOOK_CONTAINERS = [
    "The Oxford Handbook of Medieval Latin Literature", "Handbuch der Geschichte der Philosophie", "Histoire de la vie privée",
    "Historia de la literatura hispanoamericana", "The Cambridge Companion to Modernism", "A Companion to Digital Humanities",
    "Quantum Field Theory and Statistical Mechanics: Expositions", "Essays in Honor of Victor Frankl",
    "Perspectives on Neural Computation", "Fundamentals of Data Science", "Dizionario critico della letteratura italiana",
    "Die Zukunft der Erinnerung", "Lectures on Quantum Gravity", "Readings in Database Systems",
    "Studies in the History of Economic Thought", "New Directions in Social Theory", "Computer Vision: Foundations and Applications",
]  # fmt: skip
EXTRA_EDITORS = [
    ("Ralph", "", "Hexter"), ("David", "", "Townsend"), ("Wolfgang", "", "Röd"), ("Philippe", "", "Ariès"), ("Georges", "", "Duby"),
    ("Luis Íñigo", "", "Madrigal"), ("Michael", "", "Levenson"), ("Susan", "", "Schreibman"), ("Ray", "", "Siemens"),
    ("John", "", "Unsworth"), ("Bernard", "", "Julia"), ("Aleksandra", "", "Jovanović"), ("Vittore", "", "Branca"),
    ("Aleida", "", "Assmann"), ("Michael M.", "", "Hellerstein"), ("Peter", "", "Bailis"), ("Joseph M.", "", "Hellerstein"),
]  # fmt: skip
EXTRA_PUBLISHERS = [
    ("Éditions du Seuil", "Paris"), ("Presses Universitaires de France", "Paris"), ("Fondo de Cultura Económica", "México"),
    ("Alianza Editorial", "Madrid"), ("Companhia das Letras", "São Paulo"), ("Einaudi", "Torino"), ("Laterza", "Roma-Bari"),
    ("C.H. Beck", "München"), ("Vandenhoeck & Ruprecht", "Göttingen"), ("Wissenschaftliche Buchgesellschaft", "Darmstadt"),
    ("Wydawnictwo Literackie", "Kraków"), ("Brill", "Leiden"), ("Polity Press", "Cambridge"), ("Verso", "London"),
    ("World Scientific", "Singapore"), ("American Institute of Physics", "Melville, NY"), ("SIAM", "Philadelphia"),
    ("Academic Press", "San Diego, CA"), ("Yale University Press", "New Haven, CT"), ("Heinemann", "London"),
]  # fmt: skip
EXTRA_INSTITUTIONS = [
    ("Carnegie Mellon University", "Pittsburgh, PA"), ("Universität Heidelberg", "Heidelberg"), ("Sorbonne Université", "Paris"),
    ("Universidad Complutense de Madrid", "Madrid"), ("Universidade de São Paulo", "São Paulo"), ("Università di Bologna", "Bologna"),
    ("Uniwersytet Jagielloński", "Kraków"), ("University of California, Berkeley", "Berkeley, CA"), ("KTH Royal Institute of Technology", "Stockholm"),
    ("Indian Institute of Science", "Bengaluru"), ("University of Cape Town", "Cape Town"), ("Princeton University", "Princeton, NJ"),
]  # fmt: skip
THESIS_GENRES = [
    "PhD thesis", "Doctoral dissertation", "PhD dissertation", "Ph.D. thesis", "Dissertation", "Doctoral thesis",
    "Master's thesis", "MSc thesis", "M.A. thesis", "Master thesis", "Thèse de doctorat", "Tesis doctoral", "Tese de doutorado",
    "Tesi di dottorato", "Habilitationsschrift", "Diplomarbeit", "Bachelor's thesis",
]  # fmt: skip
EXTRA_REPORT_PUBLISHERS = [
    ("Carnegie Mellon University", "Pittsburgh, PA", "Technical Report", "CMU-CS-{n}"),
    ("Microsoft Research", "Redmond, WA", "Technical Report", "MSR-TR-{y}-{s}"),
    ("National Bureau of Economic Research", "Cambridge, MA", "NBER Working Paper", "w{n}"),
    ("International Monetary Fund", "Washington, DC", "IMF Working Paper", "WP/{yy}/{s}"),
    ("Institut National de Recherche en Informatique et en Automatique", "Rocquencourt", "Rapport de recherche", "RR-{n}"),
    ("Deutsches Institut für Wirtschaftsforschung", "Berlin", "Diskussionspapiere", "{n}"),
    ("University of Cambridge Computer Laboratory", "Cambridge", "Tech. Rep.", "UCAM-CL-TR-{s}"),
    ("NASA Langley Research Center", "Hampton, VA", "NASA Technical Memorandum", "TM-{y}-{n}"),
    ("Los Alamos National Laboratory", "Los Alamos, NM", "Tech. Rep.", "LA-UR-{yy}-{n}"),
    ("The World Bank", "Washington, DC", "Policy Research Working Paper", "{n}"),
    ("European Commission, Joint Research Centre", "Luxembourg", "JRC Technical Report", "EUR {n} EN"),
    ("Stanford InfoLab", "Stanford, CA", "Technical Report", "{y}-{s}"),
]  # fmt: skip
EXTRA_KINDS = [("physics", 16), ("humanities", 12), ("article-journal", 8), ("paper-conference", 10), ("chapter", 14),
               ("edited-book", 7), ("book", 10), ("thesis", 9), ("report", 8), ("article", 6)]  # fmt: skip


def _extra_authors(rng: random.Random, pool: list) -> list[dict[str, str]]:
    count = rng.choices([1, 2, 3, 4, 6], weights=[35, 28, 18, 10, 9])[0]
    return [_person(entry, rng) for entry in rng.sample(pool, count)]


def _physics_pages(rng: random.Random) -> str:
    start = rng.randint(1, 4000)
    return str(start) if rng.random() < 0.5 else f"{start}-{start + rng.randint(2, 30)}"


def make_extra_record(index: int, rng: random.Random) -> dict:
    """A record of the second batch: physics references, humanities, non-English works, edited volumes,
    theses and reports of many kinds, web references with access dates."""
    kind = rng.choices([k for k, _ in EXTRA_KINDS], weights=[w for _, w in EXTRA_KINDS])[0]
    names = NAMES + EXTRA_NAMES
    titles = TITLES + EXTRA_TITLES
    record: dict = {
        "id": f"r{index}",
        "type": "book" if kind == "edited-book" else kind,
        "title": rng.choice(titles),
    }
    if kind != "edited-book":
        record["author"] = _extra_authors(rng, names)
    if kind in ("physics", "humanities"):
        record["type"] = "article-journal"
        record["container-title"] = rng.choice(PHYSICS_JOURNALS if kind == "physics" else HUMANITIES_JOURNALS)
        record["issued"] = {
            "date-parts": [[rng.randint(1895, 2025) if kind == "physics" else rng.randint(1930, 2025)]]
        }
        record["volume"] = str(rng.randint(1, 120))
        if kind == "humanities" and rng.random() < 0.6:
            record["issue"] = str(rng.randint(1, 4))
        record["page"] = _physics_pages(rng) if kind == "physics" else _pages(rng)
    else:
        record["issued"] = _date(rng, record["type"])
    year = record["issued"]["date-parts"][0][0]
    if kind == "article-journal":
        record["container-title"] = rng.choice(JOURNALS + HUMANITIES_JOURNALS)
        record["volume"] = str(rng.randint(1, 140))
        if rng.random() < 0.6:
            record["issue"] = str(rng.randint(1, 12))
        if rng.random() < 0.8:
            record["page"] = _pages(rng)
    elif kind == "paper-conference":
        name, publisher, place = rng.choice(CONFERENCES + EXTRA_CONFERENCES)
        record["container-title"] = name
        if publisher and rng.random() < 0.7:
            record["publisher"] = publisher
        if place and rng.random() < 0.6:
            record["publisher-place"] = place
        if rng.random() < 0.7:
            record["page"] = _pages(rng)
        if rng.random() < 0.15:
            record["collection-title"] = "Lecture Notes in Computer Science"
            record["volume"] = str(rng.randint(1000, 14000))
    elif kind == "chapter":
        record["container-title"] = rng.choice(BOOK_CONTAINERS + EXTRA_BOOK_CONTAINERS)
        count = rng.choices([1, 2, 3], weights=[45, 40, 15])[0]
        record["editor"] = [_person(e, rng) for e in rng.sample(EDITORS + EXTRA_EDITORS, count)]
        record["publisher"], record["publisher-place"] = rng.choice(PUBLISHERS + EXTRA_PUBLISHERS)
        if rng.random() < 0.85:
            record["page"] = _pages(rng)
        if rng.random() < 0.15:
            record["edition"] = str(rng.randint(2, 4))
        if rng.random() < 0.15:
            record["volume"] = str(rng.randint(1, 12))
    elif kind in ("book", "edited-book"):
        if kind == "edited-book":
            count = rng.choices([1, 2, 3], weights=[40, 45, 15])[0]
            record["editor"] = [_person(e, rng) for e in rng.sample(names + EXTRA_EDITORS, count)]
            record["title"] = rng.choice(EXTRA_BOOK_CONTAINERS + BOOK_CONTAINERS)
        record["publisher"], record["publisher-place"] = rng.choice(PUBLISHERS + EXTRA_PUBLISHERS)
        if rng.random() < 0.4:
            record["edition"] = str(rng.randint(2, 9))
        if rng.random() < 0.2:
            record["collection-title"] = rng.choice(
                [s for s in SERIES if s] + ["Studies in Medieval Culture"]
            )
            if rng.random() < 0.5:
                record["collection-number"] = str(rng.randint(1, 400))
    elif kind == "thesis":
        record["author"] = record["author"][:1]
        record["publisher"], record["publisher-place"] = rng.choice(INSTITUTIONS + EXTRA_INSTITUTIONS)
        record["genre"] = rng.choice(THESIS_GENRES)
    elif kind == "report":
        publisher, place, genre, pattern = rng.choice(EXTRA_REPORT_PUBLISHERS)
        record["publisher"], record["publisher-place"], record["genre"] = publisher, place, genre
        record["number"] = pattern.format(
            n=rng.randint(100, 39999), y=year, yy=f"{year % 100:02d}", s=rng.randint(1, 150)
        )
    elif kind == "article":  # preprint
        arxiv = _arxiv_id(rng, year)
        record["container-title"] = "arXiv"
        record["number"] = f"arXiv:{arxiv}"
        record["publisher"] = "arXiv"
        if rng.random() < 0.4:
            record["DOI"] = f"10.48550/arXiv.{arxiv}"
        if rng.random() < 0.4:
            record["URL"] = f"https://arxiv.org/abs/{arxiv}"
    if "DOI" not in record and kind != "article" and rng.random() < 0.35:
        record["DOI"] = (
            f"10.{rng.randint(1000, 9999)}/{rng.choice(['PhysRev.', 'j.', 'S', 'hist.', ''])}{rng.randint(10, 999999)}"
        )
    if "URL" not in record and rng.random() < 0.15:
        host = rng.choice(
            ["www.jstor.org/stable", "hal.science/hal-0", "zenodo.org/records/", "example.edu/pubs"]
        )
        record["URL"] = f"https://{host}{rng.randint(1000, 9999999)}"
    if "URL" in record and rng.random() < 0.6:
        record["accessed"] = {
            "date-parts": [[rng.randint(max(year, 2000), 2026), rng.randint(1, 12), rng.randint(1, 28)]]
        }
    return record


def main() -> None:
    rng = random.Random(SEED)
    records = [make_record(i, rng) for i in range(COUNT)]
    extra = random.Random(EXTRA_SEED)
    records += [make_extra_record(COUNT + i, extra) for i in range(EXTRA_COUNT)]
    out = Path(__file__).resolve().parent.parent / "train" / "records.json"
    out.write_text(json.dumps(records, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {len(records)} records to {out}")


if __name__ == "__main__":
    main()
