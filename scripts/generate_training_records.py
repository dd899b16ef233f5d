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


def main() -> None:
    rng = random.Random(SEED)
    records = [make_record(i, rng) for i in range(COUNT)]
    out = Path(__file__).resolve().parent.parent / "train" / "records.json"
    out.write_text(json.dumps(records, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {len(records)} records to {out}")


if __name__ == "__main__":
    main()
