package org.acceso.request.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import org.acceso.problem.ProblemException;
import org.acceso.request.config.RequestConfig;
import org.acceso.request.domain.Actor;
import org.acceso.request.domain.InformationRequest;
import org.acceso.request.domain.RequestDocument;
import org.acceso.request.domain.Role;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Documents of a request. The type is decided from the bytes (Apache Tika's magic numbers and zip-container
 * detectors), never from the name or the declared type alone: a file whose bytes are not one of the accepted kinds,
 * or whose name says another kind than its bytes, is refused with 415. Bytes are stored in PostgreSQL with their
 * SHA-256, which every download checks again.
 */
@ApplicationScoped
public class DocumentService {

    private static final Logger LOG = Logger.getLogger(DocumentService.class);

    /** Accepted kinds: media type → the file name extensions that may name it. */
    static final Map<String, List<String>> ACCEPTED = Map.of(
            "application/pdf", List.of("pdf"),
            "image/png", List.of("png"),
            "image/jpeg", List.of("jpg", "jpeg"),
            "text/csv", List.of("csv"),
            "text/plain", List.of("txt", "text"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", List.of("xlsx"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", List.of("docx"),
            "application/vnd.oasis.opendocument.spreadsheet", List.of("ods"),
            "application/vnd.oasis.opendocument.text", List.of("odt"));

    /** Tika without the Office parsers knows an OOXML package but not which kind: its main part decides. */
    private static final String OOXML_PACKAGE = "application/x-tika-ooxml";

    /** A plain file name: no path, no control characters, not only dots. */
    private static final Pattern SAFE_NAME = Pattern.compile("[^/\\\\\\p{Cntrl}:*?\"<>|]{1,255}");

    private final Detector detector = TikaConfig.getDefaultConfig().getDetector();
    private final RequestAccess access;
    private final RequestConfig config;
    private final Clock clock;

    public DocumentService(RequestAccess access, RequestConfig config, Clock clock) {
        this.access = access;
        this.config = config;
        this.clock = clock;
    }

    /** A document as listed and as answered on upload: never its bytes. */
    public record Info(UUID id, String name, String mediaType, long size, String sha256, java.time.Instant uploadedAt,
                       boolean released) {
        static Info of(RequestDocument d) {
            return new Info(d.id, d.name, d.mediaType, d.size, d.sha256, d.uploadedAt, d.releasedAt != null);
        }
    }

    /**
     * Attaches a file to a request: a clerk of its agency (to release it with the answer), or the requester (while the
     * request is open). The file is at {@code file}; {@code name} is the client's file name.
     */
    @Transactional
    public Info upload(String requestId, Actor actor, String name, Path file) {
        InformationRequest request = access.visible(requestId, actor);
        Role role;
        if (actor.isClerkOf(request.agencyCode)) {
            role = Role.CLERK;
        } else if (actor.has(Role.RESIDENT) && request.isFiledBy(actor.userId())) {
            role = Role.RESIDENT;
        } else {
            throw new io.quarkus.security.ForbiddenException();
        }
        boolean accepts = request.status().isOpen()
                || (role == Role.CLERK && request.status() == org.acceso.request.domain.RequestStatus.DEEMED_DENIED);
        if (!accepts) {
            throw ProblemException.conflict(request.trackingNumber + " is " + request.status()
                    + ": documents can be attached only while it waits for its answer");
        }
        String cleanName = checkName(name);
        long size = size(file);
        if (size > config.documents().maxSize().asLongValue()) {
            throw new ProblemException(Response.Status.REQUEST_ENTITY_TOO_LARGE, "A document may be at most "
                    + config.documents().maxSize().asLongValue() / (1024 * 1024) + " MB; this one has " + size + " bytes");
        }
        if (size == 0) {
            throw ProblemException.invalid("file", "is empty");
        }
        byte[] bytes = read(file);
        String mediaType = detect(bytes, cleanName);
        RequestDocument document = new RequestDocument();
        document.id = UUID.randomUUID();
        document.requestId = request.id;
        document.name = cleanName;
        document.mediaType = mediaType;
        document.size = bytes.length;
        document.sha256 = Sha256.hex(bytes);
        document.content = bytes;
        document.uploadedBy = actor.userId();
        document.uploaderRole = role.tokenName();
        document.uploadedAt = clock.instant();
        document.persist();
        LOG.infof("%s: document %s (%s, %d bytes) attached by %s", request.trackingNumber, document.id, mediaType,
                bytes.length, actor.username());
        return Info.of(document);
    }

    /** The documents of a request that {@code actor} may read. */
    public List<Info> list(InformationRequest request, Actor actor) {
        return RequestDocument.of(request.id).stream()
                .map(d -> (RequestDocument) d)
                .filter(d -> access.canRead(actor, request, d))
                .map(Info::of)
                .toList();
    }

    /** A document's bytes, after checking them against the checksum taken on upload. */
    public record Download(String name, String mediaType, String sha256, byte[] content) {
    }

    public Download download(String requestId, String documentId, Actor actor) {
        InformationRequest request = access.visible(requestId, actor);
        RequestDocument document = RequestAccess.parse(documentId)
                .flatMap(id -> RequestDocument.<RequestDocument>findByIdOptional(id))
                .filter(d -> d.requestId.equals(request.id))
                .filter(d -> access.canRead(actor, request, d))
                .orElseThrow(() -> ProblemException.notFound("No document " + documentId + " on this request that you may read"));
        if (!Sha256.hex(document.content).equals(document.sha256)) {
            LOG.errorf("Document %s of %s fails its checksum: stored bytes are corrupt", document.id, request.trackingNumber);
            throw new ProblemException(Response.Status.INTERNAL_SERVER_ERROR,
                    "The stored document failed its integrity check; the administrators have been told");
        }
        return new Download(document.name, document.mediaType, document.sha256, document.content);
    }

    static String checkName(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || !SAFE_NAME.matcher(trimmed).matches() || trimmed.chars().allMatch(c -> c == '.')) {
            throw ProblemException.invalid("file", "needs a plain file name (no folders, no control characters)");
        }
        return trimmed;
    }

    /**
     * The accepted media type the bytes are, consistent with the name's extension; 415 otherwise. The bytes alone
     * decide the type: a name may only narrow plain text to CSV, and a checked OOXML package to DOCX or XLSX. (Given the
     * name, Tika would let {@code .docx} or {@code .odt} make any ZIP archive a document.)
     */
    String detect(byte[] bytes, String name) {
        MediaType detected;
        try (TikaInputStream in = TikaInputStream.get(bytes)) {
            detected = detector.detect(in, new Metadata());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String type = detected.getBaseType().toString();
        String extension = extension(name);
        if ("text/plain".equals(type) && "csv".equals(extension)) {
            type = "text/csv";
        } else if (OOXML_PACKAGE.equals(type) || "application/zip".equals(type)) {
            type = ooxmlKind(bytes, extension).orElse(type);
        }
        List<String> extensions = ACCEPTED.get(type);
        if (extensions == null) {
            throw unsupported("Its content is " + type + ", which is not an accepted kind of document");
        }
        if (!extensions.contains(extension)) {
            throw unsupported("Its name ends in ." + extension + " but its content is " + type);
        }
        return type;
    }

    /** DOCX or XLSX, as the extension says, if the archive is an OOXML package with that kind's main part. */
    private static Optional<String> ooxmlKind(byte[] bytes, String extension) {
        String mainPart = switch (extension) {
            case "docx" -> "word/document.xml";
            case "xlsx" -> "xl/workbook.xml";
            default -> null;
        };
        if (mainPart == null) {
            return Optional.empty();
        }
        boolean contentTypes;
        boolean main;
        // The central directory only: names, nothing inflated (a ZIP bomb costs nothing here).
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get()) {
            contentTypes = zip.getEntry("[Content_Types].xml") != null;
            main = zip.getEntry(mainPart) != null;
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        if (!contentTypes || !main) {
            return Optional.empty();
        }
        return Optional.of("docx".equals(extension)
                ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    private static ProblemException unsupported(String detail) {
        return new ProblemException(Response.Status.UNSUPPORTED_MEDIA_TYPE, detail
                + ". Accepted: PDF, PNG, JPEG, CSV, XLSX, ODS, DOCX, ODT and plain text.");
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
