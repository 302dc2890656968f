# crisis as a small container image: a static binary on an empty base,
# running as an unprivileged user.
#
#   docker build -t crisis --build-arg VERSION=v1.0.0 .
#   docker run --rm -v "$PWD:/manual" crisis lint /manual
#
# Stage 1 builds with the Go toolchain; nothing of it ships.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=devel
# CGO_ENABLED=0: a static binary that needs no C library in the image.
RUN CGO_ENABLED=0 go build -trimpath \
      -ldflags "-s -w -X github.com/crisis-cli/crisis/internal/cli.version=${VERSION}" \
      -o /out/crisis ./cmd/crisis

# Stage 2: only the binary and the time zones that deadlines are shown in.
FROM scratch
COPY --from=build /usr/share/zoneinfo /usr/share/zoneinfo
COPY --from=build /out/crisis /usr/local/bin/crisis
# 65532 is the conventional "nonroot" user of distroless images.
USER 65532:65532
WORKDIR /manual
ENTRYPOINT ["/usr/local/bin/crisis"]
CMD ["lint"]
