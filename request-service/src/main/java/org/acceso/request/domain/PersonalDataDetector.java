package org.acceso.request.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal data in Spanish (Argentine) text: e-mail addresses, phone numbers, DNI, CUIL/CUIT of people (check
 * digit verified), street addresses and people's names. Pure: no I/O after construction, no clock; a text in, the
 * findings out, each with its kind and its place ({@code start} inclusive, {@code end} exclusive, in UTF-16 units of
 * the text). Overlapping findings are merged into one, so a redaction never leaves part of a datum behind.
 * <p>
 * Names: the requester's own name and each of its words, always (case and accents ignored). Other people's names by
 * a named-entity approach without a model: a gazetteer of common given names and surnames
 * ({@code personal-data/*.txt}) and capitalisation rules — a known given name followed by capitalised words ("María
 * del Carmen Ruiz"), a title followed by capitalised words ("Sr. Ibarlucía", "Dra. Kessler"), a capitalised word
 * followed by a known surname ("Xiomara Pérez"). Its limits: a name of unknown words with no title ("Xiomara
 * Kessler") is missed, and capitalised phrases that start with a given name ("Rosario Central") are flagged; the
 * clerk's review decides both.
 * <p>
 * CUIT/CUIL: only those of people (prefixes 20, 23, 24, 27) are personal data; a company's (30, 33, 34) is not.
 */
public final class PersonalDataDetector {

    /** What every removed datum reads in a published text. */
    public static final String MARK = "[dato personal]";

    /** Kinds of personal data, in the order of precedence when two findings overlap. */
    public enum Kind { EMAIL, CUIT, DNI, PHONE, ADDRESS, NAME }

    /**
     * One datum found: its kind, where it is and its text; {@code requester} when it is the requester's own name or
     * e-mail (which a clerk may never keep in a published text).
     */
    public record Finding(Kind kind, int start, int end, String text, boolean requester) {
    }

    /** The requester's own name and e-mail (either may be null). */
    public record Identity(String name, String email) {
        public static final Identity NONE = new Identity(null, null);
    }

    private static final String S = "[ \\t.-]?";
    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\p{L}\\d._%+-])[\\p{L}\\d._%+-]+@[\\p{L}\\d-]+(?:\\.[\\p{L}\\d-]+)*\\.\\p{L}{2,}");
    private static final Pattern CUIT = Pattern.compile(
            "(?<![\\d.-])(2[0347])[-\\s.]?(\\d{2}\\.?\\d{3}\\.?\\d{3})[-\\s.]?(\\d)(?![\\d])");
    private static final Pattern DNI_DOTTED = Pattern.compile("(?<![\\d.,])\\d{1,2}\\.\\d{3}\\.\\d{3}(?![\\d]|[.,]\\d)");
    private static final Pattern DNI_AFTER_KEYWORD = Pattern.compile(
            "(?:(?i:\\bd\\.?\\s?n\\.?\\s?i\\.?)|(?i:\\bdocumento(?:\\s+nacional)?(?:\\s+de\\s+identidad)?)|\\bL\\.[EC]\\.)"
                    + "\\s*(?i:n[°º.]?|nro\\.?|n[uú]mero)?\\s*:?\\s*(\\d{7,8}|\\d{1,2}\\.\\d{3}\\.\\d{3})(?![\\d])");
    private static final Pattern PHONE = Pattern.compile("(?<![\\d\\p{L}+/])(?:"
            + "\\+\\s?54" + S + "(?:9" + S + ")?\\(?\\d{2,4}\\)?" + S + "(?:15" + S + ")?\\d{2,4}" + S + "\\d{4}"
            + "|\\(?0\\d{2,4}\\)?" + S + "(?:15" + S + ")?\\d{3,4}" + S + "\\d{4}"
            + "|\\(\\d{2,4}\\)" + S + "(?:15" + S + ")?\\d{3,4}" + S + "\\d{4}"
            + "|\\d{2,4}[ \\t-](?:15[ \\t-]?)?\\d{3,4}-\\d{4}"
            // a mobile number written as area code, then 15 run into the local number ("341 155-123456", "341 15 5123456")
            + "|\\d{2,4}[ \\t-]15\\d{0,2}[ \\t-]?\\d{4,8}"
            + "|15[ \\t-]\\d{3,4}[ \\t-]?\\d{4}"
            + "|[2-9]\\d{2,3}-\\d{4}"
            + ")(?![\\d])");
    private static final Pattern YEARS = Pattern.compile("(?:19|20)\\d\\d-(?:19|20)\\d\\d");
    private static final Pattern LEGAL_BEFORE = Pattern.compile(
            "(?i)(?:ley|decreto|resoluci[oó]n|ordenanza|expte\\.?|expediente|disposici[oó]n|n[°º]|nro\\.?)\\s*$");

    private static final String STREET_PREFIX =
            "(?:calle|avenida|av\\.|avda\\.|bv\\.|bvar\\.|bvard\\.|boulevard|bulevar|pasaje|pje\\.|diagonal|diag\\.|camino)";
    private static final String WORD = "(?:\\p{Lu}[\\p{L}'’.]*|\\d{1,2}(?=\\h+de\\s))";
    private static final String ANY_WORD = "(?:[\\p{L}][\\p{L}'’.]*|\\d{1,2}(?=\\h+de\\s))";
    private static final String CONNECTOR = "(?:de|del|la|las|los|y|el)";
    private static final String HOUSE = "(?:(?i:n[°º.]?|nro\\.?|n[uú]mero)\\h*)?[1-9]\\d{0,4}(?![\\d]|[.,-]\\d)";
    private static final String UNIT = "(?:,?\\h*(?i:piso\\h*\\d{1,3}|\\d{1,3}\\h*[°º](?:\\h*piso)?)"
            + "(?:\\h*,?\\h*(?i:dto\\.?|dpto\\.?|depto\\.?|departamento|of\\.?|oficina)?\\h*[\"“]?(?-i:[A-Z]|\\d{1,3})\\b[\"”]?)?)?";
    private static final Pattern ADDRESS_WITH_PREFIX = Pattern.compile("(?i:\\b" + STREET_PREFIX + ")\\h+"
            + "(" + ANY_WORD + "(?:\\h+(?:" + CONNECTOR + "\\h+)?" + ANY_WORD + "){0,4})\\h+" + HOUSE + UNIT);
    private static final Pattern ADDRESS = Pattern.compile("(?<![\\p{L}\\d])"
            + "(" + WORD + "(?:\\h+(?:" + CONNECTOR + "\\h+)?" + WORD + "){0,3})\\h+" + HOUSE + UNIT);

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}][\\p{L}'’]*\\.?");
    /** Words that may come before a street or a name at the start of a sentence (normalised: lower case, no accents). */
    private static final Set<String> FUNCTION_WORDS = Set.of(
            "en", "el", "la", "los", "las", "de", "del", "desde", "hasta", "entre", "para", "por", "con", "sin", "sobre",
            "durante", "hacia", "a", "al", "y", "o", "que", "se", "su", "sus", "un", "una", "unos", "unas", "hay", "son",
            "fue", "es", "este", "esta", "estos", "estas", "ese", "esa", "aquel", "cada", "todos", "todas", "solo", "mas",
            "menos", "vive", "vivo", "domicilio", "domiciliado", "domiciliada", "saludos", "atentamente", "hola",
            "gracias", "estimado", "estimada", "solicito", "solicitamos", "adjunto", "adjuntamos", "ver", "segun");
    /** Words of documents, law and administration: a capitalised phrase with one of them is no street. */
    private static final Set<String> NOT_A_STREET = Set.of(
            "ley", "leyes", "decreto", "resolucion", "ordenanza", "expediente", "expte", "expte.", "articulo", "art",
            "art.", "inciso", "inc", "inc.", "anexo", "capitulo", "titulo", "ano", "anos", "nota", "pagina", "pag",
            "pag.", "foja", "fojas", "fs", "fs.", "tomo", "folio", "legajo", "tramite", "caso", "punto", "item",
            "paso", "version", "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
            "setiembre", "octubre", "noviembre", "diciembre", "lunes", "martes", "miercoles", "jueves", "viernes",
            "sabado", "domingo", "dia", "dias", "total", "monto", "pesos", "licitacion", "concurso", "contratacion",
            "compra", "orden", "acta", "boletin", "circular", "disposicion", "tabla", "figura", "cuadro", "grupo",
            "hoja", "linea", "secretaria", "direccion", "municipalidad", "gobierno", "provincia", "ministerio",
            "concejo", "tribunal", "juzgado", "unidad", "unidades", "contrato", "contratos", "km", "kilometro", "planta",
            "sala", "cama", "habitacion", "mesa", "informe", "numero", "aip", "obra", "obras", "plan", "programa",
            "proyecto", "etapa", "fase", "zona", "distrito", "seccion", "cuenta", "factura", "recibo", "ticket",
            "codigo", "modelo", "tipo", "clase", "nivel", "grado", "curso", "division", "escuela", "hospital", "centro",
            "norte", "sur", "oeste", "noroeste", "noreste", "sudeste", "sudoeste", "sureste", "suroeste",
            "covid", "iso", "edicion", "cuit", "cuil", "dni", "documento", "tel", "telefono", "celular", "cel",
            "interno", "fax", "whatsapp", "movil", "mail", "correo", "email", "cp", "periodo", "trimestre", "semestre", "ejercicio", "presupuesto");
    /** Capitalised words that start no person's name. */
    private static final Set<String> NOT_A_NAME = union(FUNCTION_WORDS, NOT_A_STREET,
            Set.of("san", "santa", "santo", "calle", "avenida", "av", "av.", "bv", "bv.", "pasaje", "ruta", "barrio"));
    private static final Set<String> TITLES = Set.of("sr", "sr.", "sra", "sra.", "srta", "srta.", "dr", "dr.", "dra",
            "dra.", "lic", "lic.", "ing", "ing.", "arq", "arq.", "prof", "prof.", "don", "dona", "senor", "senora",
            "senorita", "cdor", "cdor.", "cdora", "cdora.");
    private static final Set<String> NAME_CONNECTORS = Set.of("de", "del", "la", "y");

    private final Set<String> givenNames;
    private final Set<String> surnames;

    /** A detector with these gazetteers (any case, any accents). */
    public PersonalDataDetector(Set<String> givenNames, Set<String> surnames) {
        this.givenNames = folded(givenNames);
        this.surnames = folded(surnames);
    }

    /** The detector with the gazetteers shipped in {@code personal-data/given-names.txt} and {@code surnames.txt}. */
    public static PersonalDataDetector standard() {
        return new PersonalDataDetector(lines("/personal-data/given-names.txt"), lines("/personal-data/surnames.txt"));
    }

    /** Every personal datum in {@code text}, in order, overlapping ones merged. */
    public List<Finding> detect(String text, Identity requester) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<Finding> found = new ArrayList<>();
        emails(text, requester, found);
        cuits(text, found);
        dnis(text, found);
        phones(text, found);
        addresses(text, found);
        names(text, found);
        requesterName(text, requester, found);
        return merge(text, found);
    }

    /**
     * The personal data of one cell of a table: as {@link #detect}, and a cell that is a single known given name or
     * surname is a name too (tables split names into columns).
     */
    public List<Finding> detectCell(String cell, Identity requester) {
        List<Finding> found = detect(cell, requester);
        if (!found.isEmpty() || cell == null) {
            return found;
        }
        String word = cell.strip();
        String key = fold(word);
        if (TOKEN.matcher(word).matches() && Character.isUpperCase(word.charAt(0))
                && (givenNames.contains(key) || surnames.contains(key))) {
            int start = cell.indexOf(word);
            return List.of(new Finding(Kind.NAME, start, start + word.length(), word, false));
        }
        return found;
    }

    /** {@code text} with each finding replaced by {@link #MARK}; findings must be ordered and not overlap (as detected). */
    public static String redact(String text, List<Finding> findings) {
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (Finding finding : findings) {
            out.append(text, at, finding.start()).append(MARK);
            at = finding.end();
        }
        return out.append(text, at, text.length()).toString();
    }

    /** Lower case without accents, one char for each char (so offsets in the folded text are offsets in the text). */
    public static String fold(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 128) {
                out.append(Character.toLowerCase(c));
            } else {
                String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
                out.append(Character.toLowerCase(decomposed.charAt(0)));
            }
        }
        return out.toString();
    }

    /** Whether an 11-digit CUIT/CUIL has the right check digit (mod 11, weights 5432765432). */
    public static boolean validCuit(String digits) {
        if (digits.length() != 11 || !digits.chars().allMatch(Character::isDigit)) {
            return false;
        }
        int[] weights = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == digits.charAt(10) - '0';
    }

    // ---- each kind ----

    private static void emails(String text, Identity requester, List<Finding> found) {
        Matcher m = EMAIL.matcher(text);
        while (m.find()) {
            int end = m.end();
            boolean own = requester.email() != null && requester.email().equalsIgnoreCase(text.substring(m.start(), end));
            found.add(new Finding(Kind.EMAIL, m.start(), end, text.substring(m.start(), end), own));
        }
    }

    private static void cuits(String text, List<Finding> found) {
        Matcher m = CUIT.matcher(text);
        while (m.find()) {
            String digits = m.group(1) + m.group(2).replace(".", "") + m.group(3);
            if (validCuit(digits)) {
                add(found, Kind.CUIT, text, m.start(), m.end());
            }
        }
    }

    private static void dnis(String text, List<Finding> found) {
        Matcher keyword = DNI_AFTER_KEYWORD.matcher(text);
        while (keyword.find()) {
            add(found, Kind.DNI, text, keyword.start(1), keyword.end(1));
        }
        Matcher dotted = DNI_DOTTED.matcher(text);
        while (dotted.find()) {
            String before = text.substring(Math.max(0, dotted.start() - 5), dotted.start());
            if (!before.matches("(?s).*(\\$|€|u\\$s|U\\$S|USD|ARS)\\s*")) {
                add(found, Kind.DNI, text, dotted.start(), dotted.end());
            }
        }
    }

    private static void phones(String text, List<Finding> found) {
        Matcher m = PHONE.matcher(text);
        while (m.find()) {
            String phone = m.group();
            long digits = phone.chars().filter(Character::isDigit).count();
            if (digits < 7 || digits > 13 || YEARS.matcher(phone).matches()) {
                continue;
            }
            if (LEGAL_BEFORE.matcher(text.substring(Math.max(0, m.start() - 20), m.start())).find()) {
                continue;
            }
            add(found, Kind.PHONE, text, m.start(), m.end());
        }
    }

    private static void addresses(String text, List<Finding> found) {
        Matcher prefixed = ADDRESS_WITH_PREFIX.matcher(text);
        while (prefixed.find()) {
            add(found, Kind.ADDRESS, text, prefixed.start(), trimEnd(text, prefixed.end()));
        }
        Matcher plain = ADDRESS.matcher(text);
        int from = 0;
        while (from < text.length() && plain.find(from)) {
            String[] words = plain.group(1).split("\\s+");
            int skip = 0;
            // leading words that start no street name ("En", "Vive en") are not part of it
            while (skip < words.length && FUNCTION_WORDS.contains(fold(words[skip]))) {
                skip++;
            }
            boolean numbered = skip < words.length && Character.isDigit(words[skip].charAt(0)); // "25 de Mayo 1234"
            boolean street = skip < words.length && java.util.Arrays.stream(words, skip, words.length)
                    .map(w -> fold(stripDot(w))).noneMatch(w -> !numbered && NOT_A_STREET.contains(w));
            if (street && !LEGAL_BEFORE.matcher(text.substring(Math.max(0, plain.start() - 20), plain.start())).find()) {
                int start = text.indexOf(words[skip], plain.start(1));
                add(found, Kind.ADDRESS, text, start, trimEnd(text, plain.end()));
            }
            from = plain.end();
        }
    }

    private void names(String text, List<Finding> found) {
        List<int[]> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(new int[] {m.start(), m.end()});
        }
        for (int i = 0; i < tokens.size(); i++) {
            String word = word(text, tokens.get(i));
            String key = fold(word);
            boolean capitalised = Character.isUpperCase(word.charAt(0));
            if (TITLES.contains(key) && i + 1 < tokens.size() && adjacent(text, tokens, i)) {
                int end = run(text, tokens, i + 1);
                if (end > i) {
                    add(found, Kind.NAME, text, tokens.get(i + 1)[0], nameEnd(text, tokens.get(end)));
                    i = end;
                }
                continue;
            }
            if (!capitalised || NOT_A_NAME.contains(key) || i + 1 >= tokens.size() || !adjacent(text, tokens, i)) {
                continue;
            }
            String next = fold(stripDot(word(text, tokens.get(i + 1))));
            boolean startsName = givenNames.contains(stripDot(key)) && !afterSaint(text, tokens, i);
            boolean beforeSurname = surnames.contains(next) && Character.isUpperCase(text.charAt(tokens.get(i + 1)[0]));
            if (startsName || beforeSurname) {
                int end = run(text, tokens, i);
                if (end > i) {
                    add(found, Kind.NAME, text, tokens.get(i)[0], nameEnd(text, tokens.get(end)));
                    i = end;
                }
            }
        }
    }

    /**
     * The last token of the run of name words that starts at {@code first} (capitalised words, initials, and "de",
     * "del", "de la", "y" between them), at most five words; {@code first - 1} when there is none after it.
     */
    private static int run(String text, List<int[]> tokens, int first) {
        int last = first - 1;
        int words = 0;
        for (int j = first; j < tokens.size() && words < 5; j++) {
            String word = word(text, tokens.get(j));
            if (j > first && !adjacent(text, tokens, j - 1)) {
                break;
            }
            if (Character.isUpperCase(word.charAt(0)) && !NOT_A_NAME.contains(fold(stripDot(word)))) {
                last = j;
                words++;
            } else if (!NAME_CONNECTORS.contains(fold(word)) || j == first) {
                break;
            }
        }
        // a single capitalised word after a given name is needed for a name; the first word alone is not one
        return last > first || (last == first && first > 0 && TITLES.contains(fold(word(text, tokens.get(first - 1)))))
                ? last : first - 1;
    }

    /** Where a name that ends with {@code last} ends: before a full stop, after an initial's dot. */
    private static int nameEnd(String text, int[] last) {
        return text.charAt(last[1] - 1) == '.' && last[1] - last[0] > 2 ? last[1] - 1 : last[1];
    }

    private static boolean afterSaint(String text, List<int[]> tokens, int i) {
        return i > 0 && Set.of("san", "santa", "santo").contains(fold(word(text, tokens.get(i - 1))));
    }

    private static void requesterName(String text, Identity requester, List<Finding> found) {
        if (requester.name() == null || requester.name().isBlank()) {
            return;
        }
        String folded = fold(text);
        List<String> parts = new ArrayList<>();
        parts.add(fold(requester.name().strip()));
        for (String part : requester.name().strip().split("[\\s,]+")) {
            String key = fold(part);
            if (key.length() >= 3 && !NAME_CONNECTORS.contains(key) && !NOT_A_NAME.contains(key)) {
                parts.add(key);
            }
        }
        for (String part : parts) {
            Matcher m = Pattern.compile("(?<![\\p{L}\\d])" + Pattern.quote(part) + "(?![\\p{L}\\d])").matcher(folded);
            while (m.find()) {
                found.add(new Finding(Kind.NAME, m.start(), m.end(), text.substring(m.start(), m.end()), true));
            }
        }
    }

    // ---- helpers ----

    private static void add(List<Finding> found, Kind kind, String text, int start, int end) {
        if (end > start) {
            found.add(new Finding(kind, start, end, text.substring(start, end), false));
        }
    }

    /** Overlapping or touching-inside findings become one, of the kind that comes first in {@link Kind}. */
    static List<Finding> merge(String text, List<Finding> found) {
        List<Finding> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingInt(Finding::start).thenComparing(f -> -f.end()));
        List<Finding> merged = new ArrayList<>();
        for (Finding f : sorted) {
            Finding last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && f.start() < last.end()) {
                int end = Math.max(last.end(), f.end());
                Kind kind = last.kind().ordinal() <= f.kind().ordinal() ? last.kind() : f.kind();
                merged.set(merged.size() - 1, new Finding(kind, last.start(), end, text.substring(last.start(), end),
                        last.requester() || f.requester()));
            } else {
                merged.add(f);
            }
        }
        return List.copyOf(merged);
    }

    private static int trimEnd(String text, int end) {
        while (end > 0 && (text.charAt(end - 1) == ',' || Character.isWhitespace(text.charAt(end - 1)))) {
            end--;
        }
        return end;
    }

    private static String word(String text, int[] token) {
        return text.substring(token[0], token[1]);
    }

    private static String stripDot(String word) {
        return word.endsWith(".") ? word.substring(0, word.length() - 1) : word;
    }

    /**
     * Whether token {@code i} and the next are separated by spaces only (no punctuation, no line break), and token
     * {@code i} does not end a sentence (a word of more than one letter with a dot, other than a title).
     */
    private static boolean adjacent(String text, List<int[]> tokens, int i) {
        if (i + 1 >= tokens.size()) {
            return false;
        }
        String word = word(text, tokens.get(i));
        if (word.endsWith(".") && word.length() > 2 && !TITLES.contains(fold(word))) {
            return false;
        }
        String between = text.substring(tokens.get(i)[1], tokens.get(i + 1)[0]);
        return !between.isEmpty() && between.chars().allMatch(c -> c == ' ' || c == '\t' || c == '\u00a0');
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new HashSet<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return Set.copyOf(all);
    }

    private static Set<String> folded(Set<String> words) {
        Set<String> out = new HashSet<>();
        words.forEach(w -> out.add(fold(w.strip())));
        return Set.copyOf(out);
    }

    private static Set<String> lines(String resource) {
        try (InputStream in = PersonalDataDetector.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No gazetteer " + resource);
            }
            Set<String> words = new HashSet<>();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .forEach(words::add);
            return words;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
