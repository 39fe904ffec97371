# syntax=docker/dockerfile:1
# Aftercare: build the fat jar with the Maven wrapper, run it on a JRE.
#   docker build -t aftercare .        (or: docker compose up --build)

# --- build ------------------------------------------------------------------
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
# The cache mount keeps ~/.m2 (dependencies and the wrapper's Maven) between builds.
RUN --mount=type=cache,target=/root/.m2 \
    chmod +x mvnw && ./mvnw -B -DskipTests package \
    && cp aftercare-web/target/aftercare.jar /aftercare.jar

# --- run --------------------------------------------------------------------
FROM eclipse-temurin:17-jre
RUN groupadd --system aftercare && useradd --system --gid aftercare --home-dir /app aftercare
WORKDIR /app
COPY --from=build /aftercare.jar /app/aftercare.jar
USER aftercare
ENV SERVER_PORT=8080 \
    TZ=Asia/Tokyo \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/aftercare.jar"]
