package io.agentcoach.content.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import io.agentcoach.content.ContentChanged;
import io.agentcoach.content.ContentSettings;
import io.agentcoach.content.Curriculum;
import io.agentcoach.content.Exercise;
import io.agentcoach.content.ExerciseBundle;
import io.agentcoach.content.Lesson;
import io.agentcoach.content.SkillGraph;
import io.agentcoach.content.Track;
import io.agentcoach.content.loading.ContentLoader;
import io.agentcoach.content.loading.ContentSource;
import io.agentcoach.content.loading.CurriculumSnapshot;
import io.agentcoach.content.loading.InvalidContentException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The curriculum this node serves. Loaded at start-up (invalid content stops start-up with every
 * problem listed); {@link #reload()} swaps in a new snapshot atomically only when the whole new
 * content validates, so readers never see a half-loaded curriculum.
 */
@Service
class LoadedCurriculum implements Curriculum {

    private static final Logger log = LoggerFactory.getLogger(LoadedCurriculum.class);

    private final ContentSource source;
    private final ContentLoader loader = new ContentLoader();
    private final ApplicationEventPublisher events;
    private final AtomicReference<CurriculumSnapshot> current = new AtomicReference<>();
    private final OrganizationItemStore organizationItems;
    private final Map<String, ParsedPrivate> parsedPrivate = new ConcurrentHashMap<>();

    /** A parsed organization item, valid while its files hash and the public version are unchanged. */
    private record ParsedPrivate(String hash, String publicVersion, Object item) {
    }

    LoadedCurriculum(ContentSettings settings, ApplicationEventPublisher events,
            OrganizationItemStore organizationItems) {
        this.source = sourceFor(settings);
        this.events = events;
        this.organizationItems = organizationItems;
        CurriculumSnapshot snapshot = loader.load(source);
        current.set(snapshot);
        log.info("Loaded curriculum {} from {}: {} tracks, {} lessons, {} exercises, {} skills", snapshot.version(),
                source.describe(), snapshot.tracks().size(), snapshot.lessons().size(), snapshot.exercises().size(),
                snapshot.skills().skills().size());
    }

    static ContentSource sourceFor(ContentSettings settings) {
        if (settings.dir() != null) {
            if (!Files.isDirectory(settings.dir())) {
                throw new IllegalStateException("Invalid setting agentcoach.content.dir (environment variable "
                        + "AGENTCOACH_CONTENT_DIR) = '" + settings.dir() + "': not a directory");
            }
            return ContentSource.directory(settings.dir());
        }
        Path checkout = Path.of("content");
        if (Files.isDirectory(checkout.resolve("tracks"))) {
            return ContentSource.directory(checkout);
        }
        return ContentSource.classpath(LoadedCurriculum.class.getClassLoader());
    }

    @EventListener(ContextRefreshedEvent.class)
    @Transactional
    void announceInitialLoad() {
        CurriculumSnapshot s = current.get();
        events.publishEvent(new ContentChanged(s.version(), null, s.lessons().keySet(), s.exercises().keySet(), Set.of()));
    }

    /**
     * Loads the content again; replaces what is served only if all of it validates.
     *
     * @return what changed (nothing when the files are the same)
     * @throws io.agentcoach.content.loading.InvalidContentException listing every problem
     */
    @Transactional
    public synchronized CurriculumReloader.Reloaded reload() {
        CurriculumSnapshot next = loader.load(source);
        CurriculumSnapshot previous = current.getAndSet(next);
        Set<String> changedLessons = new TreeSet<>();
        Set<String> changedExercises = new TreeSet<>();
        Set<String> removed = new TreeSet<>();
        if (!next.version().equals(previous.version())) {
            next.lessons().forEach((id, l) -> {
                if (!l.equals(previous.lessons().get(id))) {
                    changedLessons.add(id);
                }
            });
            next.bundles().forEach((id, b) -> {
                if (!b.equals(previous.bundles().get(id))) {
                    changedExercises.add(id);
                }
            });
            removed.addAll(previous.lessons().keySet());
            removed.addAll(previous.exercises().keySet());
            removed.removeAll(next.lessons().keySet());
            removed.removeAll(next.exercises().keySet());
            events.publishEvent(new ContentChanged(next.version(), null, changedLessons, changedExercises, removed));
            log.info("Reloaded curriculum: {} -> {}", previous.version(), next.version());
        }
        return new CurriculumReloader.Reloaded(previous.version(), next.version(), changedLessons, changedExercises, removed);
    }

    @Override
    public String version() {
        return current.get().version();
    }

    @Override
    public List<Track> tracks() {
        return current.get().tracks();
    }

    @Override
    public Optional<Track> track(String id) {
        return tracks().stream().filter(t -> t.id().equals(id)).findFirst();
    }

    @Override
    public List<Lesson> lessons() {
        return List.copyOf(current.get().lessons().values());
    }

    @Override
    public Optional<Lesson> lesson(String id) {
        return Optional.ofNullable(current.get().lessons().get(id));
    }

    @Override
    public List<Exercise> exercises() {
        return List.copyOf(current.get().exercises().values());
    }

    @Override
    public Optional<Exercise> exercise(String id) {
        return Optional.ofNullable(current.get().exercises().get(id));
    }

    @Override
    public Optional<ExerciseBundle> gradingBundle(String exerciseId) {
        return Optional.ofNullable(current.get().bundles().get(exerciseId));
    }

    @Override
    public Optional<Exercise> exercise(String id, UUID organizationId) {
        return gradingBundle(id, organizationId).map(ExerciseBundle::exercise);
    }

    @Override
    public Optional<ExerciseBundle> gradingBundle(String exerciseId, UUID organizationId) {
        Optional<ExerciseBundle> shipped = gradingBundle(exerciseId);
        if (shipped.isPresent() || organizationId == null) {
            return shipped;
        }
        return privateItem(OrganizationItemStore.Kind.EXERCISE, organizationId, exerciseId,
                files -> validateExercise(organizationId, exerciseId, files));
    }

    @Override
    public Optional<Lesson> lesson(String id, UUID organizationId) {
        Optional<Lesson> shipped = lesson(id);
        if (shipped.isPresent() || organizationId == null) {
            return shipped;
        }
        return privateItem(OrganizationItemStore.Kind.LESSON, organizationId, id,
                files -> validateLesson(organizationId, id, files));
    }

    @Override
    public List<Lesson> organizationLessons() {
        return organizationItems.all(OrganizationItemStore.Kind.LESSON).stream()
                .map(key -> lesson(key.id(), key.organizationId())).flatMap(Optional::stream).toList();
    }

    @Override
    public List<Exercise> organizationExercises() {
        return organizationItems.all(OrganizationItemStore.Kind.EXERCISE).stream()
                .map(key -> exercise(key.id(), key.organizationId())).flatMap(Optional::stream).toList();
    }

    /** Validates an organization's exercise folder against the curriculum now served. */
    ExerciseBundle validateExercise(UUID organizationId, String id, Map<String, String> files) {
        return OrganizationOverlay.loadExercise(source, id, organizationId, files);
    }

    /** Validates an organization's lesson against the curriculum now served. */
    Lesson validateLesson(UUID organizationId, String id, Map<String, String> files) {
        return OrganizationOverlay.loadLesson(source, id, organizationId, files);
    }

    /**
     * An organization's item, parsed once per version of its files and of the public curriculum (an
     * item that no longer validates against a reloaded curriculum is not served, and says why in the log).
     */
    @SuppressWarnings("unchecked")
    private <T> Optional<T> privateItem(OrganizationItemStore.Kind kind, UUID organizationId, String id,
            java.util.function.Function<Map<String, String>, T> parse) {
        String key = kind + "/" + organizationId + "/" + id;
        Optional<String> hash = organizationItems.hash(kind, organizationId, id);
        if (hash.isEmpty()) {
            parsedPrivate.remove(key);
            return Optional.empty();
        }
        ParsedPrivate cached = parsedPrivate.get(key);
        if (cached != null && cached.hash().equals(hash.get()) && cached.publicVersion().equals(version())) {
            return Optional.of((T) cached.item());
        }
        return organizationItems.find(kind, organizationId, id).flatMap(row -> {
            try {
                T item = parse.apply(row.files());
                parsedPrivate.put(key, new ParsedPrivate(row.hash(), version(), item));
                return Optional.of(item);
            } catch (InvalidContentException e) {
                log.warn("{} {} of organization {} no longer validates against curriculum {}; not served: {}",
                        kind.label(), id, organizationId, version(), e.getMessage());
                return Optional.empty();
            }
        });
    }

    @Override
    public SkillGraph skills() {
        return current.get().skills();
    }
}
